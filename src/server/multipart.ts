/**
 * Reading a multipart/form-data request for routes declared with `multipart`: the text fields
 * become an object that the route's `body` schema validates like JSON, and the single file part is
 * held in memory up to the route's limit. Problems are field errors (400), never 413 or 500.
 */
import type { FastifyRequest } from "fastify";
import { AppError, type FieldError } from "./errors.ts";

/** A file received in a multipart request. */
export interface UploadedFile {
  /** The name the client sent (untrusted: sanitize before storing or echoing it). */
  filename: string;
  /** The media type the client declared (untrusted). */
  mediaType: string;
  data: Buffer;
}

export interface MultipartOptions {
  /** The form field that carries the file. */
  fileField: string;
  maxFileBytes: number;
}

const megabytes = (bytes: number) => `${Math.round(bytes / 1_048_576)} MB`;

function invalid(field: string, message: string): AppError {
  return new AppError("validation_failed", "the request has invalid fields", [{ field, message }]);
}

/** Fastify multipart errors by code, as the field problem they mean for the client. */
function limitProblem(error: unknown, options: MultipartOptions): FieldError | null {
  const code = (error as { code?: unknown }).code;
  const file = `body.${options.fileField}`;
  if (code === "FST_REQ_FILE_TOO_LARGE")
    return { field: file, message: `the file is larger than ${megabytes(options.maxFileBytes)}` };
  if (code === "FST_FILES_LIMIT") return { field: file, message: "send one file" };
  if (code === "FST_FIELDS_LIMIT" || code === "FST_PARTS_LIMIT")
    return { field: "body", message: "too many form fields" };
  if (code === "FST_PROTO_VIOLATION") return { field: "body", message: "unsupported form field name" };
  if (typeof code === "string" && code.startsWith("FST_"))
    return { field: "body", message: "malformed multipart/form-data" };
  const message = error instanceof Error ? error.message : "";
  if (/multipart|boundary|part terminated|unexpected end/i.test(message))
    return { field: "body", message: "malformed multipart/form-data" };
  return null;
}

/** The text fields and the file (null when none was sent) of a multipart request. */
export async function readMultipart(
  request: FastifyRequest,
  options: MultipartOptions,
): Promise<{ fields: Record<string, string>; file: UploadedFile | null }> {
  if (!request.isMultipart())
    throw invalid("body", "expected multipart/form-data with a file and its fields");
  const fields: Record<string, string> = {};
  const problems: FieldError[] = [];
  let file: UploadedFile | null = null;
  try {
    const parts = request.parts({
      limits: { fileSize: options.maxFileBytes, files: 1, fields: 20, fieldSize: 10_000, parts: 21 },
    });
    for await (const part of parts) {
      if (part.type === "file") {
        const data = await part.toBuffer();
        if (part.fieldname !== options.fileField)
          problems.push({
            field: `body.${part.fieldname}`,
            message: `send the file as ${options.fileField}`,
          });
        else file = { filename: part.filename, mediaType: part.mimetype, data };
      } else if (Object.hasOwn(fields, part.fieldname)) {
        problems.push({ field: `body.${part.fieldname}`, message: "send this field once" });
      } else if (part.valueTruncated) {
        problems.push({ field: `body.${part.fieldname}`, message: "too long" });
      } else {
        fields[part.fieldname] = String(part.value);
      }
    }
  } catch (error) {
    const problem = limitProblem(error, options);
    if (!problem) throw error;
    throw invalid(problem.field, problem.message);
  }
  if (problems.length > 0)
    throw new AppError("validation_failed", "the request has invalid fields", problems);
  return { fields, file };
}
