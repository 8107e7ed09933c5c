/** A locale's part must translate exactly the keys of the English part. */
export type Part<T> = { readonly [K in keyof T]: string };
