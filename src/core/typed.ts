/**
 * Increments a cell of a typed array. With `noUncheckedIndexedAccess` an in-place `a[i]++`
 * does not type-check; this small function reads and writes once and is inlined by the engine.
 */
export function add(array: Int32Array | Uint8Array | Float64Array, index: number, by = 1): void {
  array[index] = (array[index] as number) + by;
}

/** Sets bits in a cell of a flag array. */
export function setBits(array: Uint8Array, index: number, bits: number): void {
  array[index] = (array[index] as number) | bits;
}
