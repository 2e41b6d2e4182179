"""git started with the os module alone, for `decide adr new`: importing subprocess costs it more than git's answer.

POSIX only, as the file locks are (`fcntl`).
"""

from __future__ import annotations

import os
import select
from pathlib import Path


# Given to every `git log` that lists the files a commit changed: with a user's `log.showRoot = false` git lists
# none for the first commit, and a record made there would have no history, or a range no files.
ROOT_SHOWN = ("-c", "log.showRoot=true")
# Given to every `git log` whose authors and subjects are read as UTF-8: a user's `i18n.logOutputEncoding` (latin-1,
# for an old terminal) has git write them in it, and an author Zoë would be read as Zo\udceb.
UTF8_LOG = ("-c", "i18n.logOutputEncoding=UTF-8")


def env() -> dict[str, str]:
    """The environment git runs in, read at each run as the caller's environment may change."""
    # As GitPython runs git: messages in English whatever the user's locale, so errors read the same.
    # GIT_FLUSH=0: into a pipe `git log` would flush after every commit, and both it and we would spend
    # more CPU on thousands of small writes and reads than on parsing.
    return {**os.environ, "LANGUAGE": "C", "LC_ALL": "C", "GIT_FLUSH": "0"}


class Process:
    """`git ARGS` run in *top*, started when made: its output piped, its messages dropped, its input
    piped with *stdin* (else empty). `answer()` gives what it wrote; leaving a `with` block ends it."""

    def __init__(self, top: Path, *args: str, stdin: bool = False):
        self.pid: int | None = None
        self.input: int | None = None
        read_end, write_end = os.pipe()  # not inherited: only the copies made below reach git
        self.output: int | None = read_end
        actions = [(os.POSIX_SPAWN_DUP2, write_end, 1), (os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0)]
        try:
            if stdin:
                child_end, self.input = os.pipe()
                actions.append((os.POSIX_SPAWN_DUP2, child_end, 0))
            else:
                child_end = None
                actions.append((os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0))
            try:
                # `-C` as git's own first option: git is started in *top* without changing this process's folder.
                self.pid = os.posix_spawnp("git", ["git", "-C", str(top), *args], env(), file_actions=actions)
            finally:
                if child_end is not None:
                    os.close(child_end)
        except BaseException:
            self.close()
            raise
        finally:
            os.close(write_end)

    def answer(self, data: bytes = b"") -> tuple[int, bytes]:
        """Give git *data* as its whole input, then its exit code and all it wrote.

        Written and read in turns: git may fill the output pipe before it has read all its input.
        """
        chunks, pending = [], memoryview(data)
        poller = select.poll()
        poller.register(self.output, select.POLLIN)
        if self.input is not None:
            if pending:
                os.set_blocking(self.input, False)
                poller.register(self.input, select.POLLOUT)
            else:
                self._close_input()
        while self.output is not None:
            for fd, _ in poller.poll():
                if fd == self.output:
                    chunk = os.read(fd, 1 << 16)
                    if chunk:
                        chunks.append(chunk)
                        continue
                    poller.unregister(fd)
                    os.close(fd)
                    self.output = None
                elif fd == self.input:
                    try:
                        pending = pending[os.write(fd, pending) :]
                    except BrokenPipeError:  # git stopped reading: what it wrote tells why
                        pending = pending[:0]
                    if not pending:
                        poller.unregister(fd)
                        self._close_input()
        return self._wait(), b"".join(chunks)

    def _close_input(self) -> None:
        if self.input is not None:
            os.close(self.input)
            self.input = None

    def _wait(self) -> int:
        _, status = os.waitpid(self.pid, 0)
        self.pid = None
        return os.waitstatus_to_exitcode(status)

    def close(self) -> None:
        """End git if still running, and free its pipes."""
        self._close_input()  # cat-file --batch ends when its input does
        if self.output is not None:
            os.close(self.output)  # git writing more ends on a broken pipe
            self.output = None
        if self.pid is not None:
            self._wait()

    def __enter__(self) -> Process:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def batch_output(out: bytes, wanted: list[str]) -> dict[str, tuple[bytes, bytes, bytes]]:
    """(id, type, data) of each object `git cat-file --batch` wrote for the *wanted* specs, by spec; specs
    that name nothing are left out."""
    at, found = 0, {}
    for spec in wanted:
        # "<spec> missing" or "<spec> ambiguous", the spec as asked, spaces and newlines included.
        asked = spec.encode("utf-8", "surrogateescape")
        unknown = next((len(asked) + len(word) for word in (b" missing\n", b" ambiguous\n")
                        if out.startswith(asked + word, at)), None)
        if unknown is not None:
            at += unknown
            continue
        end = out.index(b"\n", at)
        header = out[at:end].split(b" ")  # "<id> <type> <size>"
        at = end + 1
        if len(header) != 3 or not header[2].isdigit():
            continue
        size = int(header[2])
        found[spec] = (header[0], header[1], out[at : at + size])
        at += size + 1
    return found


def batch_input(wanted: list[str], nul: bool = False) -> bytes:
    """*wanted* as `git cat-file --batch` reads them: one a line, or with *nul* (its `-z`) NUL-separated."""
    end = "\0" if nul else "\n"
    return end.join(wanted).encode("utf-8", "surrogateescape") + end.encode()
