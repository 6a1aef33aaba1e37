/**
 * The installation's author: who this copy of Marginalia records as creator and modifier when no
 * `--author` is given. Read from `MARGINALIA_AUTHOR` (`Name <ORCID>`), else from `author.json` in the
 * config folder (`MARGINALIA_CONFIG_DIR`, else `$XDG_CONFIG_HOME/marginalia`, else
 * `~/.config/marginalia`), else the OS user name without ORCID. The app saves it there when the
 * historian sets it. A bad value is an error naming where it came from.
 */
import { mkdirSync, readFileSync } from 'node:fs'
import { homedir, userInfo } from 'node:os'
import { join } from 'node:path'
import type { Person } from '../../shared/model'
import { MarginaliaError } from '../../shared/result'
import { makePerson, parsePerson } from '../../shared/team/person'
import { writeFileAtomic } from '../store/atomic-write'

/** The folder of the installation's settings. */
export function configDir(): string {
  return process.env.MARGINALIA_CONFIG_DIR || join(process.env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'marginalia')
}

const configFile = () => join(configDir(), 'author.json')

function osUser(): string {
  try {
    return userInfo().username || 'historian'
  } catch {
    return 'historian'
  }
}

/** The installation's author (see the module comment). Throws MarginaliaError('invalid-file' | 'invalid-argument') naming the source. */
export function defaultAuthor(): Person {
  const fromEnv = process.env.MARGINALIA_AUTHOR
  if (fromEnv) {
    try {
      return parsePerson(fromEnv)
    } catch (err) {
      throw new MarginaliaError('invalid-argument', `MARGINALIA_AUTHOR: ${(err as Error).message}`)
    }
  }
  const file = configFile()
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    return { name: osUser() }
  }
  try {
    const v = JSON.parse(text) as { name?: unknown; orcid?: unknown }
    if (typeof v?.name !== 'string' || (v.orcid !== undefined && typeof v.orcid !== 'string')) throw new Error('not {"name": "…", "orcid": "…"}')
    return makePerson(v.name, v.orcid as string | undefined)
  } catch (err) {
    throw new MarginaliaError('invalid-file', `${file}: ${(err as Error).message}`)
  }
}

/** Saves `person` as the installation's author (atomically). */
export async function saveDefaultAuthor(person: Person): Promise<void> {
  mkdirSync(configDir(), { recursive: true })
  await writeFileAtomic(configFile(), JSON.stringify(person, null, 2) + '\n')
}

/** `--author` as typed (`Name <ORCID>`), as a person; throws MarginaliaError('invalid-argument') naming the problem. */
export function authorOption(text: string): Person {
  try {
    return parsePerson(text)
  } catch (err) {
    throw new MarginaliaError('invalid-argument', `--author "${text}": ${(err as Error).message}`)
  }
}
