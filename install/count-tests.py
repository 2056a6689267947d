"""Prints one closing line, 'N passed, N failed, N skipped', over every test install/test.sh ran.

JUnit: the Surefire XML reports of every module (kernel/*/target/surefire-reports/TEST-*.xml).
Python: unittest's summary lines ('Ran N tests' then 'OK (skipped=S)' or
'FAILED (failures=F, errors=E, skipped=S)') in the captured log.

usage: count-tests.py REPO PYTHON_LOG
"""
import glob
import os
import re
import sys
import xml.etree.ElementTree as ET


def junit(repo):
    passed = failed = skipped = 0
    for report in glob.glob(os.path.join(repo, "kernel", "*", "target", "surefire-reports", "TEST-*.xml")):
        suite = ET.parse(report).getroot()
        tests = int(suite.get("tests", 0))
        bad = int(suite.get("failures", 0)) + int(suite.get("errors", 0))
        skip = int(suite.get("skipped", 0))
        passed += tests - bad - skip
        failed += bad
        skipped += skip
    return passed, failed, skipped


def python(log):
    passed = failed = skipped = 0
    if not os.path.exists(log):
        return passed, failed, skipped
    ran = None
    for line in open(log, encoding="utf-8", errors="replace"):
        m = re.match(r"Ran (\d+) tests? in", line)
        if m:
            ran = int(m.group(1))
            continue
        m = re.match(r"(OK|FAILED)\b(.*)", line.strip())
        if m and ran is not None:
            fields = dict((k, int(v)) for k, v in re.findall(r"(\w+)=(\d+)", m.group(2)))
            bad = fields.get("failures", 0) + fields.get("errors", 0) + fields.get("unexpected_successes", 0)
            skip = fields.get("skipped", 0) + fields.get("expected_failures", 0)
            passed += ran - bad - skip
            failed += bad
            skipped += skip
            ran = None
    return passed, failed, skipped


def main():
    repo, log = sys.argv[1], sys.argv[2]
    totals = [a + b for a, b in zip(junit(repo), python(log))]
    print(f"{totals[0]} passed, {totals[1]} failed, {totals[2]} skipped")


if __name__ == "__main__":
    main()
