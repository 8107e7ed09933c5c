/** Strings of the tasks elements (owned by whoever builds those elements). */
export default {} as const;
