/** Strings of the controls elements (owned by whoever builds those elements). */
export default {} as const;
