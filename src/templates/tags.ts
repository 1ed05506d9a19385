/**
 * The two Steward tags. `{% commitment "id" %}` renders a commitment's declared sentence, so the
 * policy text and the schedule come from one declaration. `{% ref "policy#section" %}` leaves a
 * marker that is resolved once every policy is numbered.
 */
import type { Context, Emitter, Liquid, TagToken, Template } from "liquidjs";
import type { CommitmentDeclaration } from "./frontmatter.ts";

/** Per-policy state shared between the tags and the renderer, passed as a render-time global. */
export interface RenderState {
  policyId: string;
  commitments: Map<string, { declaration: CommitmentDeclaration; text: Template[]; active: boolean }>;
  rendered: Map<string, string>;
  errors: { line: number; message: string }[];
}

/** The marker carries the tag's offset in the template body; the line is computed only if it fails to resolve. */
export const refMarker = (target: string, offset: number) => `\u27e6ref:${target}@${offset}\u27e7`;

/** Line of a tag, computed on demand: token.getPosition() rescans the whole template each call. */
const lineOf = (token: TagToken) => token.getPosition()[0]!;
export const refMarkerPattern = /\u27e6ref:([a-z0-9-]+)(?:#([a-z0-9-]+))?@(\d+)\u27e7/g;

function quotedArgument(token: TagToken, tag: string): string {
  const match = /^\s*["']([^"']+)["']\s*$/.exec(token.args);
  if (!match)
    throw new Error(`{% ${tag} %} expects one quoted argument, got ${JSON.stringify(token.args.trim())}`);
  return match[1]!;
}

const stateOf = (ctx: Context) => (ctx.globals as { state: RenderState }).state;

export function registerTags(liquid: Liquid): void {
  liquid.registerTag("commitment", {
    parse(token: TagToken) {
      this.commitmentId = quotedArgument(token, "commitment");
      this.token = token;
    },
    *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
      const state = stateOf(ctx);
      const id = this.commitmentId as string;
      const entry = state.commitments.get(id);
      if (!entry) {
        state.errors.push({
          line: lineOf(this.token),
          message: `commitment "${id}" is not declared in this policy's front matter`,
        });
        return;
      }
      if (state.rendered.has(id)) {
        state.errors.push({
          line: lineOf(this.token),
          message: `commitment "${id}" is rendered more than once`,
        });
      }
      if (!entry.active) {
        state.errors.push({
          line: lineOf(this.token),
          message: `commitment "${id}" is rendered although its "when" condition is false`,
        });
      }
      const text = (yield liquid.renderer.renderTemplates(entry.text, ctx)) as string;
      const sentence = text.trim().replace(/\s+/g, " ");
      state.rendered.set(id, sentence);
      emitter.write(sentence);
    },
  });
  liquid.registerTag("ref", {
    parse(token: TagToken) {
      this.target = quotedArgument(token, "ref");
      this.offset = token.begin;
      if (!/^[a-z0-9-]+(#[a-z0-9-]+)?$/.test(this.target as string)) {
        throw new Error(
          `{% ref %} expects "policy-id" or "policy-id#section-id", got "${this.target as string}"`,
        );
      }
    },
    render(_ctx: Context, emitter: Emitter) {
      emitter.write(refMarker(this.target as string, this.offset as number));
    },
  });
}
