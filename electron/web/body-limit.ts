import { z } from 'zod';
import { contract, type MethodName } from '@shared/api/contract';

/**
 * The largest JSON body a method's input schema can accept, worked out from the schema (once
 * per method) before a byte of the body is read, so browser mode refuses anything larger with
 * 413 (issue 13 part 7).
 *
 * Bytes are counted for JSON as JSON.stringify writes it: a string character is at most 6
 * bytes (a control character as \u0000; any other UTF-16 unit is at most 3 bytes of UTF-8),
 * except base64 text (shared/api/files.ts Base64Text), whose characters need no escaping.
 * A number is at most 24 characters (-1.2345678901234567e-308). Parts a schema leaves open
 * (a string or an array without a maximum, a record) have no bound of their own: a method
 * with any of them may send its bounded parts plus OPEN_PARTS_BYTES.
 */

/** What the open parts of one call (text without a maximum, lists without one) may take together. */
export const OPEN_PARTS_BYTES = 16 * 1024 * 1024;

/** A schema's bound: the bytes its bounded parts can take, and whether it has open parts. */
interface Bound {
  bytes: number;
  open: boolean;
}

const fixed = (bytes: number): Bound => ({ bytes, open: false });
const OPEN: Bound = { bytes: 0, open: true };
const sum = (parts: Bound[], extra = 0): Bound => ({ bytes: parts.reduce((n, p) => n + p.bytes, extra), open: parts.some((p) => p.open) });
const widest = (parts: Bound[]): Bound => ({ bytes: Math.max(0, ...parts.map((p) => p.bytes)), open: parts.some((p) => p.open) });

const NUMBER_BYTES = 24;
const CHAR_BYTES = 6;

type JsonSchema = {
  type?: string | string[];
  maxLength?: number;
  maxItems?: number;
  items?: JsonSchema | JsonSchema[];
  prefixItems?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  contentEncoding?: string;
};

const jsonBytes = (value: unknown): number => new TextEncoder().encode(JSON.stringify(value)).byteLength;

function bound(node: JsonSchema, defs: Record<string, JsonSchema>, seen: Set<string>): Bound {
  if (node.$ref !== undefined) {
    const name = node.$ref.replace(/^#\/\$defs\//, '');
    const target = defs[name];
    // A recursive schema has no finite bound.
    if (target === undefined || seen.has(name)) return OPEN;
    return bound(target, defs, new Set([...seen, name]));
  }
  if (node.const !== undefined) return fixed(jsonBytes(node.const));
  if (node.enum !== undefined) return fixed(Math.max(...node.enum.map(jsonBytes)));
  const options = node.anyOf ?? node.oneOf;
  if (options !== undefined) return widest(options.map((o) => bound(o, defs, seen)));
  // Every part of an allOf must accept the value, so the value is no larger than the widest part allows.
  if (node.allOf !== undefined) return widest(node.allOf.map((o) => bound(o, defs, seen)));
  const types = Array.isArray(node.type) ? node.type : node.type === undefined ? [] : [node.type];
  if (types.length === 0) return OPEN;
  return widest(types.map((type) => boundOfType(type, node, defs, seen)));
}

function boundOfType(type: string, node: JsonSchema, defs: Record<string, JsonSchema>, seen: Set<string>): Bound {
  switch (type) {
    case 'null':
      return fixed(4);
    case 'boolean':
      return fixed(5);
    case 'number':
    case 'integer':
      return fixed(NUMBER_BYTES);
    case 'string':
      if (node.maxLength === undefined) return OPEN;
      return fixed(2 + node.maxLength * (node.contentEncoding === 'base64' ? 1 : CHAR_BYTES));
    case 'array': {
      const { items } = node;
      const tuple = node.prefixItems ?? (Array.isArray(items) ? items : undefined);
      const rest = Array.isArray(items) ? undefined : items;
      // A tuple with no rest elements: its items, each once.
      if (tuple !== undefined && rest === undefined) return sum(tuple.map((item) => bound(item, defs, seen)), 2 + tuple.length);
      if (node.maxItems === undefined || rest === undefined || tuple !== undefined) return OPEN;
      const item = bound(rest, defs, seen);
      return { bytes: 2 + node.maxItems * (item.bytes + 1), open: item.open };
    }
    case 'object': {
      const entries = Object.entries(node.properties ?? {});
      const props = sum(
        entries.map(([, value]) => bound(value, defs, seen)),
        2 + entries.reduce((n, [key]) => n + jsonBytes(key) + 2, 0),
      );
      const more = node.additionalProperties !== undefined && node.additionalProperties !== false;
      return more ? { bytes: props.bytes, open: true } : props;
    }
    default:
      return OPEN;
  }
}

/** A schema's bound: the bytes of its bounded parts, and whether it has open ones. */
export function jsonByteBound(schema: z.ZodType): Bound {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return bound(json, json.$defs ?? {}, new Set());
}

/** Room for JSON a script pretty-printed (spaces and line breaks JSON.stringify does not write). */
export const FORMATTING_BYTES = 4096;

/** The body cap of a method with this input schema: its bounded parts, plus OPEN_PARTS_BYTES when it has open ones. */
export function callBodyLimit(schema: z.ZodType): number {
  const b = jsonByteBound(schema);
  return b.bytes + (b.open ? OPEN_PARTS_BYTES : 0) + FORMATTING_BYTES;
}

const limits = new Map<MethodName, number>();

/** A contract method's body cap, worked out on its first call and kept. */
export function methodBodyLimit(method: MethodName): number {
  let limit = limits.get(method);
  if (limit === undefined) {
    limit = callBodyLimit(contract[method].input);
    limits.set(method, limit);
  }
  return limit;
}
