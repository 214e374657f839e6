/** Excel on Chinese Windows saves CSV as GBK: a file that is not valid UTF-8 is read as GB18030 (GBK's superset). */
export async function readCsv(file: File): Promise<string> {
  const bytes = await file.arrayBuffer();
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}
