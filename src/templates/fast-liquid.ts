/**
 * A synchronous renderer for the parsed Liquid of the policy library, used before liquidjs's own.
 *
 * liquidjs renders through generators (every tag, value and property read is one), which is most
 * of a policy build's time in a process that has not warmed up, such as each `steward policies
 * build`. This walks the same parsed templates with plain calls and the same semantics for what the
 * library uses: text, output with filters, if / elsif / else, unless, case / when, for (without
 * modifiers), assign, capture, comment, and Steward's commitment and ref tags.
 *
 * It never decides an outcome on its own: anything else (another tag, a Drop such as `empty`, a
 * loop modifier) and any error at all (an unknown variable, a filter refusing its input) make it
 * return undefined, and the caller renders with liquidjs, which produces the output or the error
 * with its position. src/templates/fast-liquid.test.ts renders the whole library both ways.
 */
import {
  AssignTag,
  CaptureTag,
  CaseTag,
  CommentTag,
  Context,
  Drop,
  ForTag,
  IfTag,
  Output,
  Tag,
  TypeGuards,
  UnlessTag,
  toValueSync,
  type Liquid,
  type Template,
  type Token,
  type Value,
} from "liquidjs";
import type { Profile } from "../profile/schema.ts";
import {
  checkpoint,
  commitmentToRender,
  recordCommitment,
  refMarker,
  stateOf,
  type RenderState,
} from "./tags.ts";

/** Raised for what this renderer does not handle; caught in `renderFast`. */
class NotHandled extends Error {}
const notHandled = (): never => {
  throw new NotHandled();
};

/** Fields liquidjs keeps but does not declare public; read, never written. */
interface FilterFields {
  handler: (this: unknown, ...args: unknown[]) => unknown;
  token: unknown;
  args: (Token | [string, Token])[];
}
interface AssignFields {
  key: string;
  value: Value;
}
interface ContextFields {
  findScope(key: unknown): object;
}

interface Run {
  liquid: Liquid;
  ctx: Context;
}

/**
 * `liquid.renderSync(templates, scope, { globals })`: the same text or the same error, from
 * `renderFast` when it can say, from liquidjs otherwise. A `globals.state` (the commitment and ref
 * tags' record) is put back as it was before liquidjs renders again.
 */
export function renderLiquid(
  liquid: Liquid,
  templates: Template[],
  scope: object,
  globals: { profile: Profile; state?: RenderState | null },
): string {
  const restore = globals.state ? checkpoint(globals.state) : null;
  const fast = renderFast(liquid, templates, scope, globals);
  if (fast !== undefined) return fast;
  restore?.();
  return liquid.renderSync(templates, scope, { globals }) as string;
}

/**
 * `templates` rendered with `scope` and render-time `globals`, exactly as
 * `liquid.renderSync(templates, scope, { globals })` would; undefined when this renderer cannot
 * say (see above). Side effects on `globals.state` may be partial then: see `checkpoint`.
 */
export function renderFast(
  liquid: Liquid,
  templates: Template[],
  scope: object,
  globals: object,
): string | undefined {
  const ctx = new Context(scope, liquid.options, { globals, sync: true }, { liquid });
  try {
    return renderList(templates, { liquid, ctx });
  } catch {
    return undefined;
  }
}

function renderList(templates: Template[], run: Run): string {
  let out = "";
  for (const template of templates) out += renderOne(template, run);
  return out;
}

function renderOne(template: Template, run: Run): string {
  if (template instanceof Output) return stringify(valueOf(template.value, run));
  if (!(template instanceof Tag)) {
    // liquidjs's HTML (plain text) is not exported; it is the one template that carries `str`.
    const text = (template as { str?: unknown }).str;
    return typeof text === "string" ? text : notHandled();
  }
  if (template instanceof IfTag) {
    for (const branch of template.branches)
      if (isTruthy(valueOf(branch.value, run))) return renderList(branch.templates, run);
    return renderList(template.elseTemplates ?? [], run);
  }
  if (template instanceof UnlessTag) {
    // The first branch renders when its value is falsy, the elsif branches when theirs is truthy.
    for (const [index, branch] of template.branches.entries()) {
      const truthy = isTruthy(valueOf(branch.value, run));
      if (index === 0 ? !truthy : truthy) return renderList(branch.templates, run);
    }
    return renderList(template.elseTemplates, run);
  }
  if (template instanceof CaseTag) {
    // As liquidjs: every branch with a matching value renders, not only the first.
    const target = valueOf(template.value, run);
    let hit = false;
    let out = "";
    for (const branch of template.branches) {
      for (const token of branch.values) {
        if (equals(target, evalToken(token, run))) {
          out += renderList(branch.templates, run);
          hit = true;
          break;
        }
      }
    }
    return hit ? out : out + renderList(template.elseTemplates, run);
  }
  if (template instanceof ForTag) return renderFor(template, run);
  if (template instanceof AssignTag) {
    const { key, value } = template as unknown as AssignFields;
    run.ctx.bottom()[key] = valueOf(value, run);
    return "";
  }
  if (template instanceof CaptureTag) {
    run.ctx.bottom()[template.variable] = renderList(template.templates, run);
    return "";
  }
  if (template instanceof CommentTag) return "";
  const tag = template as Tag & Record<string, unknown>;
  if (tag.name === "commitment") {
    const state = stateOf(run.ctx);
    const id = tag.commitmentId as string;
    const entry = commitmentToRender(state, id, tag.token);
    return entry ? recordCommitment(state, id, renderList(entry.text, run)) : "";
  }
  if (tag.name === "ref") return refMarker(tag.target as string, tag.offset as number);
  return notHandled();
}

/** A for loop without modifiers (limit, offset, reversed) over a list, or nothing. */
function renderFor(loop: ForTag, run: Run): string {
  if (Object.keys(loop.hash.hash).length > 0) notHandled();
  const collection = evalToken(loop.collection, run);
  const items = collection === null || collection === undefined ? [] : collection;
  if (!Array.isArray(items)) return notHandled();
  if (items.length === 0) return renderList(loop.elseTemplates, run);
  const forloop = new ForLoop(items.length, loop.collection.getText(), loop.variable);
  const scope: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  scope.forloop = forloop;
  run.ctx.push(scope);
  let out = "";
  for (const item of items) {
    scope[loop.variable] = item;
    out += renderList(loop.templates, run);
    forloop.i += 1;
  }
  run.ctx.pop();
  return out;
}

/** liquidjs's `forloop` (its ForloopDrop is not exported): the same fields and methods. */
class ForLoop extends Drop {
  i = 0;
  name: string;
  constructor(
    readonly length: number,
    collection: string,
    variable: string,
  ) {
    super();
    this.name = `${variable}-${collection}`;
  }
  index0() {
    return this.i;
  }
  index() {
    return this.i + 1;
  }
  first() {
    return this.i === 0;
  }
  last() {
    return this.i === this.length - 1;
  }
  rindex() {
    return this.length - this.i;
  }
  rindex0() {
    return this.length - this.i - 1;
  }
}

/** A value with its filters applied. */
function valueOf(value: Value, run: Run): unknown {
  let result = evaluate(value.initial.postfix, run);
  for (const filter of value.filters) {
    const { handler, token, args } = filter as unknown as FilterFields;
    const argv = args.map((arg) =>
      Array.isArray(arg) ? [arg[0], evalToken(arg[1], run)] : evalToken(arg, run),
    );
    // A filter may be a generator (liquidjs's map is): toValueSync runs it.
    result = toValueSync(handler.apply({ context: run.ctx, token, liquid: run.liquid }, [result, ...argv]));
  }
  return result;
}

/** An expression in postfix order, as liquidjs parsed it. */
function evaluate(postfix: readonly Token[], run: Run): unknown {
  const operands: unknown[] = [];
  for (const token of postfix) {
    if (!TypeGuards.isOperatorToken(token)) {
      operands.push(evalToken(token, run));
      continue;
    }
    const right = operands.pop();
    if (token.operator === "not") {
      operands.push(!isTruthy(right));
      continue;
    }
    operands.push(operate(token.operator, operands.pop(), right));
  }
  return operands[0];
}

function operate(operator: string, left: unknown, right: unknown): boolean {
  switch (operator) {
    case "==":
      return equals(left, right);
    case "!=":
      return !equals(left, right);
    case ">":
      return (plain(left) as number) > (plain(right) as number);
    case "<":
      return (plain(left) as number) < (plain(right) as number);
    case ">=":
      return (plain(left) as number) >= (plain(right) as number);
    case "<=":
      return (plain(left) as number) <= (plain(right) as number);
    case "contains":
      if (Array.isArray(left)) return left.some((item) => equals(item, right));
      if (typeof (left as { indexOf?: unknown } | null)?.indexOf === "function")
        return (left as string).indexOf(plain(right) as string) > -1;
      return false;
    case "and":
      return isTruthy(left) && isTruthy(right);
    case "or":
      return isTruthy(left) || isTruthy(right);
    default:
      return notHandled();
  }
}

/** A value that is not a Drop (liquidjs compares Drops by their own rules: left to it). */
function plain<T>(value: T): T {
  return value instanceof Drop ? notHandled() : value;
}

function equals(left: unknown, right: unknown): boolean {
  plain(left);
  plain(right);
  if (Array.isArray(left))
    return (
      Array.isArray(right) &&
      left.length === right.length &&
      left.every((item: unknown, i: number) => equals(item, right[i]))
    );
  return left === right;
}

/** Liquid truth: only false, nil and undefined are false (liquidjs's default, jsTruthy off). */
function isTruthy(value: unknown): boolean {
  return !(plain(value) === false || value === undefined || value === null);
}

function evalToken(token: Token, run: Run): unknown {
  if ("content" in token) return plain((token as { content: unknown }).content);
  if (TypeGuards.isPropertyAccessToken(token) && token.variable === undefined) {
    const keys = token.props.map((prop) => evalToken(prop, run));
    let value: unknown = (run.ctx as unknown as ContextFields).findScope(keys[0]);
    for (const key of keys) {
      value = run.ctx.readProperty(value as object, key as string);
      // strictVariables: liquidjs throws; the caller's liquidjs render reports it with its line.
      if (value === undefined) notHandled();
    }
    return value;
  }
  return notHandled();
}

/** Output text of a value, as liquidjs's emitter writes it. */
function stringify(value: unknown): string {
  if (typeof plain(value) === "string") return value as string;
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map(stringify).join("");
  // An object would print as "[object Object]" (which the placeholder check reports): left to liquidjs.
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return notHandled();
}
