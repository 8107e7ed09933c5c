/** Strings of the agent elements (owned by whoever builds those elements). */
export default {} as const;
