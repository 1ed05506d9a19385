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

/**
 * The checks `{% commitment "id" %}` makes before rendering its sentence (errors go to the state,
 * with the tag's line); returns the declaration's entry, or null when there is nothing to render.
 * Shared by the liquidjs tag below and the fast renderer (fast-liquid.ts).
 */
export function commitmentToRender(state: RenderState, id: string, token: TagToken) {
  const entry = state.commitments.get(id);
  if (!entry) {
    state.errors.push({
      line: lineOf(token),
      message: `commitment "${id}" is not declared in this policy's front matter`,
    });
    return null;
  }
  if (state.rendered.has(id)) {
    state.errors.push({ line: lineOf(token), message: `commitment "${id}" is rendered more than once` });
  }
  if (!entry.active) {
    state.errors.push({
      line: lineOf(token),
      message: `commitment "${id}" is rendered although its "when" condition is false`,
    });
  }
  return entry;
}

/** Records a commitment's rendered text as its one-line sentence, and returns that sentence. */
export function recordCommitment(state: RenderState, id: string, text: string): string {
  const sentence = text.trim().replace(/\s+/g, " ");
  state.rendered.set(id, sentence);
  return sentence;
}

/** What the tags have recorded so far; calling the result puts the state back as it was. */
export function checkpoint(state: RenderState): () => void {
  const rendered = [...state.rendered];
  const errors = state.errors.length;
  return () => {
    state.rendered.clear();
    for (const [id, sentence] of rendered) state.rendered.set(id, sentence);
    state.errors.length = errors;
  };
}

export const stateOf = (ctx: Context) => (ctx.globals as { state: RenderState }).state;

export function registerTags(liquid: Liquid): void {
  liquid.registerTag("commitment", {
    parse(token: TagToken) {
      this.commitmentId = quotedArgument(token, "commitment");
      this.token = token;
    },
    *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
      const state = stateOf(ctx);
      const id = this.commitmentId as string;
      const entry = commitmentToRender(state, id, this.token);
      if (!entry) return;
      const text = (yield liquid.renderer.renderTemplates(entry.text, ctx)) as string;
      emitter.write(recordCommitment(state, id, text));
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
