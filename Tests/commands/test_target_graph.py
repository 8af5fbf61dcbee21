"""The target-graph check (scripts/check-targets) passes on the package as it is, and fails, naming the edge, when an
area imports another, a page target imports the store, an engine imports the web framework, or an area builds a query."""
import json
import os
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CHECK = os.path.join(ROOT, "scripts", "check-targets")


def package():
    dumped = subprocess.run(["swift", "package", "dump-package"], cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(dumped.stdout)


def check(tmp_path, dump):
    path = tmp_path / "package.json"
    path.write_text(json.dumps(dump))
    return subprocess.run([CHECK, "--package-json", str(path)], capture_output=True, text=True)


def target(name, *dependencies):
    return {"name": name, "type": "regular", "path": f"Sources/{name}", "dependencies": [{"byName": [d, None]} for d in dependencies]}


def test_the_package_as_it_is_passes(tmp_path):
    done = check(tmp_path, package())
    assert done.returncode == 0, done.stderr
    assert "every import declared, none forbidden" in done.stdout


def test_an_area_importing_another_fails(tmp_path):
    dump = package()
    dump["targets"] += [target("WaymarkQualityArea", "WaymarkStore"), target("WaymarkPanelsArea", "WaymarkQualityArea")]
    done = check(tmp_path, dump)
    assert done.returncode == 1
    assert "WaymarkPanelsArea → WaymarkQualityArea (Package.swift): an area never imports another area" in done.stderr


def test_an_area_page_importing_the_store_fails(tmp_path):
    page = os.path.join(ROOT, "Sources", "WaymarkPlanArea", "Pages", "ZZCheckTargetsProbe.swift")
    with open(page, "w") as f:
        f.write("import WaymarkStore\n")
    try:
        done = check(tmp_path, package())
    finally:
        os.remove(page)
    assert done.returncode == 1
    assert ("WaymarkPlanArea's pages → WaymarkStore (Sources/WaymarkPlanArea/Pages/ZZCheckTargetsProbe.swift): pages never touch"
            in done.stderr), done.stderr


def test_an_area_building_a_query_fails(tmp_path):
    controller = os.path.join(ROOT, "Sources", "WaymarkChildrenArea", "Controllers", "ZZCheckTargetsProbe.swift")
    with open(controller, "w") as f:
        f.write("func probe(db: any Database) async throws { _ = try await Child.query(on: db).all() }\n")
    try:
        done = check(tmp_path, package())
    finally:
        os.remove(controller)
    assert done.returncode == 1
    assert ("WaymarkChildrenArea (Sources/WaymarkChildrenArea/Controllers/ZZCheckTargetsProbe.swift:1): code above the store builds no query"
            in done.stderr), done.stderr


def test_pages_on_the_store_an_engine_on_vapor_and_the_store_on_the_web_glue_fail(tmp_path):
    dump = package()
    for each in dump["targets"]:
        if each["name"] == "WaymarkUI":
            each["dependencies"].append({"byName": ["WaymarkStore", None]})
        if each["name"] == "WaymarkTimescales":
            each["dependencies"].append({"product": ["Vapor", "vapor", None, None]})
        if each["name"] == "WaymarkStore":
            each["dependencies"].append({"byName": ["WaymarkWeb", None]})
    done = check(tmp_path, dump)
    assert done.returncode == 1
    assert "WaymarkUI → WaymarkStore (Package.swift): pages never touch the database" in done.stderr
    assert "WaymarkTimescales → Vapor (Package.swift): an engine imports no framework" in done.stderr
    assert "WaymarkStore → WaymarkWeb (Package.swift): the store imports no page, web framework or area" in done.stderr
