/**
 * A locale's part must translate exactly the keys of the English part (`T`, its keyed table) and
 * its English sentences (`S`, the sentences written where they are used).
 */
export type Part<T, S extends string = never> = { readonly [K in keyof T | S]: string };
