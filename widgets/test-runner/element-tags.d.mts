/** The tags the elements register, read from the source (element-tags.mjs). */
export function elementTags(): string[];
