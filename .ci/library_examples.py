#!/usr/bin/env python3
"""Builds the README's library examples in a package outside this repository, as a user's
package would depend on Gijiroku: every ```swift block of the "Use as a library" section
becomes a function of one main.swift (imports hoisted), and the package depends on this
repository by path. Usage: library_examples.py REPO WORKDIR. Exits non-zero if the
examples do not compile or there are none."""
import os, re, subprocess, sys

repo, work = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
readme = open(os.path.join(repo, "README.md"), encoding="utf-8").read()
section = readme.split("## Use as a library", 1)[1].split("\n## ", 1)[0]
blocks = re.findall(r"```swift\n(.*?)```", section, re.S)
if not blocks:
    sys.exit("no ```swift example in the README's library section")
imports, bodies = set(), []
for i, block in enumerate(blocks):
    lines = block.splitlines()
    imports.update(l.strip() for l in lines if l.startswith("import "))
    body = "\n".join("    " + l for l in lines if not l.startswith("import "))
    bodies.append(f"func example{i}() throws {{\n{body}\n}}\n")
os.makedirs(os.path.join(work, "Sources", "ReadmeExamples"), exist_ok=True)
open(os.path.join(work, "Package.swift"), "w").write(f"""// swift-tools-version:6.0
import PackageDescription
let package = Package(
    name: "ReadmeExamples",
    dependencies: [.package(path: "{repo}")],
    targets: [.executableTarget(name: "ReadmeExamples", dependencies: [
        .product(name: "Gijiroku", package: "{os.path.basename(repo)}"),
        .product(name: "GijirokuInput", package: "{os.path.basename(repo)}"),
        .product(name: "GijirokuIndex", package: "{os.path.basename(repo)}"),
    ])],
    swiftLanguageModes: [.v6]
)
""")
main = "\n".join(sorted(imports)) + "\n\n" + "\n".join(bodies) + "\nprint(\"\\(%d) examples compiled\")\n" % len(blocks)
open(os.path.join(work, "Sources", "ReadmeExamples", "main.swift"), "w").write(main)
result = subprocess.run(["swift", "build", "--package-path", work], capture_output=True, text=True)
if result.returncode != 0:
    print(main)
    print(result.stdout[-6000:], result.stderr[-3000:])
    sys.exit(f"the README's library examples do not compile ({len(blocks)} blocks)")
print(f"the README's {len(blocks)} library examples compile in a package outside the repository")
