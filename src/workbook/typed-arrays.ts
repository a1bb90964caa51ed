// Growing a typed array: a new one of the same kind, with the old contents copied in.

export function grow<T extends Int32Array | Uint8Array | Float64Array>(a: T, capacity: number): T {
  const next = new (a.constructor as new (n: number) => T)(capacity);
  next.set(a);
  return next;
}
