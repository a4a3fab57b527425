import { checkBytes, checkFileName, checkSize, type InputCheck } from './input'

/** Name, size, then bytes: a 2 GB video is refused before a single byte is read. */
export async function readTextFile(file: Pick<File, 'name' | 'size' | 'arrayBuffer'>): Promise<InputCheck> {
  const problem = checkFileName(file.name) ?? checkSize(file.size)
  if (problem) return { ok: false, problem }
  return checkBytes(new Uint8Array(await file.arrayBuffer()))
}
