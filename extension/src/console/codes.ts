/** A location's code as people read and type it: groups of five (abcde-fghij-…). */
export const groupCode = (code: string) => code.match(/.{1,5}/g)?.join('-') ?? code;
