/**
 * Text a program printed, pasted under the command that printed it: it says what happened on
 * the author's machine, not what the command means, so it is neither a command's meaning nor a
 * concept. Recognised by how Docker's (and the shell's) messages start — one anchored pattern.
 */

const OUTPUT_START = new RegExp(
  '^(?:' +
    [
      'WARNING!',
      'WARNING: ',
      'Error(?: response from daemon)?: ',
      'Deleted (?:Containers|Images|Networks|Volumes|build cache objects):',
      'Total reclaimed space:',
      'Are you sure you want to continue\\?',
      'Unable to find image ',
      'Status: (?:Downloaded|Image is up to date)',
      'Digest: sha256:',
      'Untagged: ',
      'Deleted: sha256:',
      '\\S+: Pulling from ',
      '[0-9a-f]{12}: (?:Pull complete|Already exists|Pulling fs layer)',
      'Successfully (?:built|tagged) ',
      'Sending build context to Docker daemon',
      'Step \\d+/\\d+ : ',
      'Hello from Docker!',
      'CONTAINER ID\\s{2,}',
      'REPOSITORY\\s{2,}TAG',
      'NETWORK ID\\s{2,}',
      'DRIVER\\s{2,}VOLUME NAME',
      'Docker version \\d',
      'Creating network "',
      'Creating \\S+ \\.\\.\\. done',
      'Login Succeeded',
    ].join('|') +
    ')',
);

export function looksLikeOutput(text: string): boolean {
  return OUTPUT_START.test(text.trimStart());
}
