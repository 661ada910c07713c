// Test preload (node -r): the process kills itself (SIGKILL, as a power cut or an OOM kill
// would) half-way through its Nth file write, N = PHI_LINT_CRASH_AT. Whatever writing
// function the code uses — writeSync on a descriptor, writeFileSync, fs.promises — the first
// half of the bytes reaches the file and the rest never does. Used by
// tests/fix-interrupted.test.ts to show that a draft is never left half-written.
const fs = require('node:fs');
const { syncBuiltinESMExports } = require('node:module');

const crashAt = Number(process.env.PHI_LINT_CRASH_AT);
let writes = 0;
const bytes = (data) =>
  typeof data === 'string' ? Buffer.from(data) : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
function maybeCrash(writeHalf) {
  if (++writes !== crashAt) return;
  writeHalf();
  process.kill(process.pid, 'SIGKILL');
}

const { writeSync, writeFileSync } = fs;
fs.writeSync = function (fd, data, ...rest) {
  maybeCrash(() => {
    const b = bytes(data);
    const off = typeof rest[0] === 'number' ? rest[0] : 0;
    const len = typeof rest[1] === 'number' ? rest[1] : b.length - off;
    writeSync(fd, b, off, Math.floor(len / 2));
  });
  return writeSync.call(fs, fd, data, ...rest);
};
fs.writeFileSync = function (file, data, ...rest) {
  maybeCrash(() => {
    const b = bytes(data);
    writeFileSync(file, b.subarray(0, Math.floor(b.length / 2)));
  });
  return writeFileSync.call(fs, file, data, ...rest);
};
const promisesWriteFile = fs.promises.writeFile;
fs.promises.writeFile = async function (file, data, ...rest) {
  maybeCrash(() => {
    const b = bytes(data);
    writeFileSync(file, b.subarray(0, Math.floor(b.length / 2)));
  });
  return promisesWriteFile.call(fs.promises, file, data, ...rest);
};
syncBuiltinESMExports();
