"""The stdlib floor for `decide adr index`: list MADR files, read status/date/title, write the README table.

No third-party import and no validation: what a minimal script written for one folder would do.
Usage: python benchmarks/floor_index.py ADR_FOLDER
"""

import os
import sys

START, END = "<!-- decisionbook:index:start -->", "<!-- decisionbook:index:end -->"


def main() -> None:
    folder = sys.argv[1]
    rows = ["| ADR | Title | Status | Date |", "| --- | --- | --- | --- |"]
    for name in sorted(os.listdir(folder)):
        if not (name[:4].isdigit() and name[4:5] == "-" and name.endswith(".md")):
            continue
        with open(os.path.join(folder, name), encoding="utf-8") as handle:
            text = handle.read()
        meta, title = {}, ""
        lines = text.splitlines()
        if lines and lines[0] == "---":
            for index, line in enumerate(lines[1:], 1):
                if line == "---":
                    break
                key, _, value = line.partition(":")
                meta[key.strip()] = value.split("#")[0].strip()
            lines = lines[index + 1 :]
        title = next((line[2:].strip() for line in lines if line.startswith("# ")), "")
        rows.append(f"| ADR-{name[:4]} | [{title}]({name}) | {meta.get('status', '')} | {meta.get('date', '')} |")
    readme = os.path.join(folder, "README.md")
    old = open(readme, encoding="utf-8").read() if os.path.exists(readme) else f"# Decisions\n\n{START}\n{END}\n"
    head, _, rest = old.partition(START)
    _, _, tail = rest.partition(END)
    new = f"{head}{START}\n\n" + "\n".join(rows) + f"\n\n{END}{tail}"
    if new != old:
        with open(readme + ".tmp", "w", encoding="utf-8") as handle:
            handle.write(new)
        os.replace(readme + ".tmp", readme)
    print(f"updated {readme}" if new != old else f"unchanged {readme}")


if __name__ == "__main__":
    main()
