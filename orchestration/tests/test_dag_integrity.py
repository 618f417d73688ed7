"""Integrity of orchestration/dags against the jobs CLI; run by AirflowDagIntegrityTest (jobs module).

Environment: CURLAKE_CLI_SPEC, the JSON spec of LakehouseCli the JUnit test dumps; CURLAKE_CONFIG,
the config directory the DAGs are built from (default: the repository's config/).
Run alone: CURLAKE_CLI_SPEC=jobs/target/lakehouse-cli-spec.json /usr/bin/python3 -m unittest
discover -s orchestration/tests -v
"""
from __future__ import annotations

import copy
import json
import os
import shutil
import socket
import tempfile
import threading
import unittest
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from types import SimpleNamespace

import dag_integrity
from dag_integrity import load_dags, problems

TESTS_DIR = Path(__file__).resolve().parent
DAG_FILES = sorted((TESTS_DIR.parent / "dags").glob("*.py"))
CONFIG_DIR = Path(os.environ.get("CURLAKE_CONFIG", TESTS_DIR.parents[1] / "config")).resolve()


def cli_spec() -> dict:
    path = os.environ.get("CURLAKE_CLI_SPEC")
    if not path or not Path(path).is_file():
        raise RuntimeError(f"CURLAKE_CLI_SPEC={path!r}: set it to the LakehouseCli spec JSON written by"
                           " `mvn -pl jobs -am test -Dtest=AirflowDagIntegrityTest` (jobs/target/lakehouse-cli-spec.json)")
    return json.loads(Path(path).read_text(encoding="utf-8"))


def load_with_config(config_dir: Path) -> dict:
    os.environ["CURLAKE_CONFIG"] = str(config_dir)
    try:
        return {dag_id: dag for file in DAG_FILES for dag_id, dag in load_dags(file).items()}
    finally:
        os.environ["CURLAKE_CONFIG"] = str(CONFIG_DIR)


class DagFilesTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.cli = cli_spec()
        cls.dags = load_with_config(CONFIG_DIR)

    def test_dag_files_exist(self):
        self.assertEqual(["curlake_tenants.py"], [file.name for file in DAG_FILES])

    def test_no_problems(self):
        self.assertEqual([], problems(self.dags, self.cli, CONFIG_DIR))

    def test_one_dag_per_active_tenant_sorted(self):
        self.assertTrue(self.cli["active_tenants"], "the shipped config has active tenants")
        self.assertEqual([f"curlake_{t}" for t in sorted(self.cli["active_tenants"])], list(self.dags))

    def test_inactive_tenant_gets_no_dag(self):
        with tempfile.TemporaryDirectory() as temp:
            config = Path(temp) / "config"
            shutil.copytree(CONFIG_DIR, config)
            file = config / "tenants" / "globex.yaml"
            text = file.read_text(encoding="utf-8")
            self.assertIn("active: true", text)
            file.write_text(text.replace("active: true", "active: false"), encoding="utf-8")
            dags = load_with_config(config)
        self.assertNotIn("curlake_globex", dags)
        self.assertEqual(len(self.dags) - 1, len(dags))

    def test_missing_config_is_an_import_error(self):
        with tempfile.TemporaryDirectory() as temp:
            with self.assertRaisesRegex(FileNotFoundError, "no tenant config .set CURLAKE_CONFIG"):
                load_with_config(Path(temp) / "nowhere")

    def test_every_job_runs_for_the_interval_month(self):
        ingest = self.dags[next(iter(self.dags))].task_dict["ingest"]
        for start, _ in dag_integrity.SAMPLE_INTERVALS:
            args = dag_integrity.render_args(ingest.application_args, start, start)
            self.assertEqual(start.strftime("%Y-%m"), dag_integrity.option_values(args)["--period"])


class FailureAlertTest(unittest.TestCase):
    """The on_failure_callback posts to the webhook of config/notifications.yaml (a real local server)."""

    def test_posts_task_failed_event(self):
        received = []

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                received.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args):
                pass

        server = HTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            with tempfile.TemporaryDirectory() as temp:
                config = Path(temp) / "config"
                shutil.copytree(CONFIG_DIR, config)
                (config / "notifications.yaml").write_text(
                    f"webhook_url: http://127.0.0.1:{server.server_port}/alerts\ntimeout_seconds: 5\n", encoding="utf-8")
                dag = next(iter(load_with_config(config).values()))
            task = dag.task_dict["curate"]
            task.on_failure_callback(failure_context(dag, task))
        finally:
            server.shutdown()
            server.server_close()
        self.assertEqual(1, len(received))
        event = received[0]
        self.assertEqual(("task_failed", dag.dag_id.removeprefix("curlake_"), "curate", "2025-02"),
                         (event["event"], event["tenant_id"], event["task_id"], event["billing_period"]))
        self.assertIn("exit code 1", event["error"])

    def test_webhook_down_never_raises(self):
        with tempfile.TemporaryDirectory() as temp:
            config = Path(temp) / "config"
            shutil.copytree(CONFIG_DIR, config)
            with socket.socket() as probe:  # a port that was free a moment ago: nothing listens there
                probe.bind(("127.0.0.1", 0))
                closed_port = probe.getsockname()[1]
            (config / "notifications.yaml").write_text(
                f"webhook_url: http://127.0.0.1:{closed_port}/closed\n", encoding="utf-8")
            dag = next(iter(load_with_config(config).values()))
        with self.assertLogs(level="ERROR") as logs:
            dag.task_dict["ingest"].on_failure_callback(failure_context(dag, dag.task_dict["ingest"]))
        self.assertIn("alert not sent", "\n".join(logs.output))


def failure_context(dag, task) -> dict:
    return {"dag": dag, "run_id": "scheduled__2025-02-28T06:00:00+00:00",
            "task_instance": SimpleNamespace(task_id=task.task_id, try_number=4, log_url="http://airflow/log"),
            "data_interval_start": datetime(2025, 2, 28, 6, tzinfo=timezone.utc),
            "exception": RuntimeError("spark-submit exit code 1")}


class ChecksCanFailTest(unittest.TestCase):
    """Each check rejects a DAG that breaks it: the checks are not vacuous."""

    @classmethod
    def setUpClass(cls):
        cls.cli = cli_spec()
        cls.dags = load_with_config(CONFIG_DIR)

    def broken(self, change) -> list[str]:
        dags = copy.deepcopy(self.dags)
        change(dags[next(iter(dags))])
        return problems(dags, self.cli, CONFIG_DIR)

    def assertRejected(self, needle: str, found: list[str]):
        self.assertTrue(any(needle in line for line in found), f"expected a problem with {needle!r} in {found}")

    def test_fixture_with_cycle_and_unknown_option(self):
        found = problems(load_dags(TESTS_DIR / "fixtures" / "broken_dags.py"), self.cli, CONFIG_DIR)
        self.assertRejected("dependency cycle curate -> check -> analytics -> register -> curate", found)
        self.assertRejected("'ingest' has no option '--month'", found)
        self.assertRejected("DAG ids ['curlake_acme']", found)

    def test_variable_at_import_refused(self):
        with self.assertRaisesRegex(RuntimeError, "Variable.get.*at import time"):
            load_dags(TESTS_DIR / "fixtures" / "variable_at_import.py")

    def test_unknown_command(self):
        self.assertRejected("not a LakehouseCli subcommand",
                            self.broken(lambda d: d.task_dict["register"].application_args.__setitem__(0, "publish")))

    def test_option_without_value(self):
        self.assertRejected("option --lake needs a value", self.broken(
            lambda d: d.task_dict["curate"].application_args.__setitem__(slice(None), ["curate", "--lake"])))

    def test_period_not_keyed_by_interval(self):
        def use_logical_date(dag):
            args = dag.task_dict["curate"].application_args
            args[args.index("--period") + 1] = "{{ ds }}"
        self.assertRejected("keyed by the data interval only", self.broken(use_logical_date))

    def test_other_tenant(self):
        def other_tenant(dag):
            args = dag.task_dict["check"].application_args
            args[args.index("--tenant") + 1] = "someone_else"
        self.assertRejected("--tenant 'someone_else'", self.broken(other_tenant))

    def test_schedule_runs_and_retries(self):
        def loosen(dag):
            dag.schedule, dag.max_active_runs, dag.catchup = "0 25 * * *", 3, True
            dag.task_dict["analytics"].retries = 0
        found = self.broken(loosen)
        for needle in ["schedule '0 25 * * *'", "max_active_runs 3", "catchup True", "analytics: retries 0"]:
            self.assertRejected(needle, found)

    def test_wrong_jar_and_class(self):
        def old_jar(dag):
            dag.task_dict["ingest"].application = "/opt/curlake-jobs-0.0.1-spark.jar"
            dag.task_dict["ingest"].java_class = "org.curlake.jobs.Main"
        found = self.broken(old_jar)
        self.assertRejected("is not the shaded jobs jar", found)
        self.assertRejected("java_class 'org.curlake.jobs.Main'", found)

    def test_missing_tenant_dag(self):
        dags = dict(self.dags)
        dags.pop(next(iter(dags)))
        self.assertRejected("one per active tenant", problems(dags, self.cli, CONFIG_DIR))


if __name__ == "__main__":
    unittest.main()
