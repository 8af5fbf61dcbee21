"""Runs the D2I SSDA903 validator on this year's return with last year's beside it, and saves its issues as CSV.

Usage: oracle_last_year.py OUT_CSV RULESET COLLECTION_YEAR THIS_YEAR_DIR LAST_YEAR_DIR
  e.g. oracle_last_year.py peer.csv lac2025_26 2023 this/ last/  (2023: the dates of 2022/23, as its command line uses)

The peer's command line reads only this year's files; its web tool takes last year's as a second upload. This does
what that upload does, through the peer's public classes: every CSV or XML file of each folder is given, described as the
web tool describes it ("This year", "Prev year"), and the issue table is written as oracle.py writes it.
"""
import glob, importlib, logging, os, sys
from lac_validator.lac_validator import LacValidator, create_issue_df
from lac_validator.report import Report
from lac_validator.types import UploadedFile

logging.disable(logging.CRITICAL)
out, ruleset, collection_year, this_year, last_year = sys.argv[1:6]
registry = importlib.import_module(f"lac_validator.rules.{ruleset}").registry

def upload(folder, description):
    return [UploadedFile(name=os.path.basename(path), file_content=open(path, "rb").read(), description=description)
            for path in sorted(glob.glob(os.path.join(folder, "*.csv")) + glob.glob(os.path.join(folder, "*.xml")))]

files = upload(this_year, "This year") + upload(last_year, "Prev year")
validator = LacValidator({"collectionYear": collection_year, "localAuthority": "E09000001"}, files, registry)
report = Report(validator.ds_results, registry)
create_issue_df(report.report, report.error_report).to_csv(out, index=False)
