"""CUR lakehouse: one Airflow DAG per active tenant of config/tenants/*.yaml.

Each DAG runs the jobs' shaded jar with spark-submit, one task per job:

    ingest -> curate -> check -> analytics -> register

Every task works on the billing period of the run's data interval ('YYYY-MM' of
data_interval_start) and replaces that (tenant, period) partition, so a retried or re-run task
never duplicates anything. Import does nothing but read the small tenant and notification config:
no Airflow Variables, connections or metadata database at the top level.

Settings (environment of the scheduler and workers; defaults suit a checkout of the repository):

    CURLAKE_JOBS_JAR       the shaded jobs jar (default <repo>/jobs/target/curlake-jobs-<version>-spark.jar)
    CURLAKE_CONFIG         config directory, read here and by the jobs (default <repo>/config)
    CURLAKE_LAKE           lake root, local or s3a://bucket/prefix (default <repo>/lake)
    CURLAKE_SPARK_CONN_ID  Airflow connection of the Spark master (default spark_default)
    CURLAKE_SPARK_PACKAGES Maven coordinates spark-submit adds, comma-separated (default none; outside
                           EMR: org.apache.hadoop:hadoop-aws:3.3.4 for s3a://)
    CURLAKE_TRINO_URL      Trino JDBC URL the register task creates tables in (default jdbc:trino://127.0.0.1:8080)
    CURLAKE_TRINO_USER     Trino user of the register task (default admin)
    CURLAKE_TRINO_CATALOG  Trino Delta Lake catalog (default delta)
"""
from __future__ import annotations

import json
import logging
import os
import urllib.request
from datetime import datetime, timedelta, timezone
from pathlib import Path

import yaml
from airflow import DAG
from airflow.models.baseoperator import chain
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

PROJECT_ROOT = Path(__file__).resolve().parents[2]
JOBS_VERSION = "0.1.0-SNAPSHOT"  # the Maven project version; the integrity test keeps them equal
JOBS_MAIN_CLASS = "org.curlake.jobs.cli.LakehouseCli"
JOBS_JAR = os.environ.get(
    "CURLAKE_JOBS_JAR", str(PROJECT_ROOT / "jobs" / "target" / f"curlake-jobs-{JOBS_VERSION}-spark.jar"))
CONFIG_DIR = Path(os.environ.get("CURLAKE_CONFIG", str(PROJECT_ROOT / "config")))
LAKE = os.environ.get("CURLAKE_LAKE", str(PROJECT_ROOT / "lake"))
SPARK_CONN_ID = os.environ.get("CURLAKE_SPARK_CONN_ID", "spark_default")
SPARK_PACKAGES = os.environ.get("CURLAKE_SPARK_PACKAGES") or None
TRINO_URL = os.environ.get("CURLAKE_TRINO_URL", "jdbc:trino://127.0.0.1:8080")
TRINO_USER = os.environ.get("CURLAKE_TRINO_USER", "admin")
TRINO_CATALOG = os.environ.get("CURLAKE_TRINO_CATALOG", "delta")

# CUR and FOCUS exports are refreshed up to three times a day and restate the month to date, so a
# daily run re-processes the month of its data interval. A run on the 1st has the last day of the
# previous month as its interval: the closing month is finalised before the new one starts.
SCHEDULE = "0 6 * * *"
START_DATE = datetime(2025, 1, 1, tzinfo=timezone.utc)
PERIOD = "{{ data_interval_start.strftime('%Y-%m') }}"
AS_OF_DATE = "{{ data_interval_start.strftime('%Y-%m-%d') }}"
AS_OF_INSTANT = "{{ data_interval_end.strftime('%Y-%m-%dT%H:%M:%SZ') }}"
JOB_NAMES = ("ingest", "curate", "check", "analytics", "register")

log = logging.getLogger(__name__)


def active_tenants(config_dir: Path) -> list[dict]:
    """The active tenants of config_dir/tenants/*.y(a)ml, sorted by id (the jobs validate the rest)."""
    if not (config_dir / "tenants").is_dir():  # an import error in the Airflow UI, not silently no DAGs
        raise FileNotFoundError(f"{config_dir / 'tenants'}: no tenant config (set CURLAKE_CONFIG)")
    tenants = []
    for file in sorted((config_dir / "tenants").glob("*.y*ml")):
        if file.name.startswith(".") or file.suffix not in (".yaml", ".yml"):
            continue
        document = yaml.safe_load(file.read_text(encoding="utf-8")) or {}
        entries = document["tenants"] if "tenants" in document else [document]
        tenants.extend(entry for entry in entries if entry.get("active", True) is True)
    return sorted(tenants, key=lambda tenant: tenant["tenant_id"])


def notifications(config_dir: Path) -> dict:
    """The alert webhook of config/notifications.yaml ({} when absent)."""
    file = config_dir / "notifications.yaml"
    return (yaml.safe_load(file.read_text(encoding="utf-8")) or {}) if file.is_file() else {}


def failure_alert(webhook_url: str | None, timeout_seconds: int, tenant_id: str):
    """An on_failure_callback POSTing a 'task_failed' JSON event to the webhook; never raises."""

    def post(context: dict) -> None:
        if not webhook_url:
            log.warning("curlake task failed tenant=%s (no webhook configured)", tenant_id)
            return
        task_instance = context.get("task_instance")
        event = {
            "event": "task_failed",
            "tenant_id": tenant_id,
            "dag_id": getattr(context.get("dag"), "dag_id", None),
            "task_id": getattr(task_instance, "task_id", None),
            "run_id": context.get("run_id"),
            "try_number": getattr(task_instance, "try_number", None),
            "billing_period": context["data_interval_start"].strftime("%Y-%m"),
            "log_url": getattr(task_instance, "log_url", None),
            "error": str(context.get("exception")),
        }
        request = urllib.request.Request(
            webhook_url, data=json.dumps(event).encode("utf-8"),
            headers={"Content-Type": "application/json"}, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=timeout_seconds) as response:
                log.info("curlake alert sent tenant=%s status=%s", tenant_id, response.status)
        except OSError as error:  # a webhook that is down must not hide the task's own failure
            log.error("curlake alert not sent tenant=%s webhook=%s error=%s", tenant_id, webhook_url, error)

    return post


def job_arguments(job: str, tenant_id: str) -> list[str]:
    """The LakehouseCli arguments of one job for one tenant and the run's billing period."""
    common = ["--tenant", tenant_id, "--config", str(CONFIG_DIR), "--lake", LAKE]
    if job == "register":
        return [job, *common, "--trino-url", TRINO_URL, "--trino-user", TRINO_USER, "--catalog", TRINO_CATALOG]
    submitted = [job, *common, "--submitted", "--period", PERIOD]
    if job == "check":
        return [*submitted, "--as-of", AS_OF_INSTANT]
    if job == "analytics":
        return [*submitted, "--as-of", AS_OF_DATE]
    return submitted


def tenant_doc(tenant: dict) -> str:
    source = tenant.get("source", {})
    return f"""### CUR lakehouse: {tenant.get('display_name', tenant['tenant_id'])} (`{tenant['tenant_id']}`)

Daily at 06:00 UTC, for the billing period of the data interval (`YYYY-MM` of its start):
`ingest` (CUR deliveries from `{source.get('path')}` into bronze) → `curate` (SQL models into the
marts) → `check` (Deequ checks and the {source.get('freshness_sla_hours')} h freshness SLA, as of
the interval's end) → `analytics` (idle resources, budget, anomalies as of the interval's start)
→ `register` (Trino tables over the tenant's partitions).

Every job replaces its (tenant, period) partition: re-running a day or clearing a task is safe.
A failed task is retried 3 times (10 min, growing to 1 h) and then alerts the webhook of
`config/notifications.yaml`; SLA breaches and failed checks alert from the `check` job itself.
Catch-up is off: each run re-processes the whole month to date. Backfill an old month with
`airflow dags backfill -s YYYY-MM-02 -e YYYY-MM-02 curlake_{tenant['tenant_id']}` (one day per month).
"""


def tenant_dag(tenant: dict, alerts: dict) -> DAG:
    tenant_id = tenant["tenant_id"]
    on_failure = failure_alert(alerts.get("webhook_url"), int(alerts.get("timeout_seconds") or 5), tenant_id)
    with DAG(
        dag_id=f"curlake_{tenant_id}",
        description=f"CUR lakehouse pipeline of tenant {tenant_id}",
        schedule=SCHEDULE,
        start_date=START_DATE,
        catchup=False,
        max_active_runs=1,
        max_active_tasks=1,
        dagrun_timeout=timedelta(hours=8),
        doc_md=tenant_doc(tenant),
        tags=["curlake", "finops", f"tenant:{tenant_id}"],
        default_args={
            "owner": "finops-platform",
            "retries": 3,
            "retry_delay": timedelta(minutes=10),
            "retry_exponential_backoff": True,
            "max_retry_delay": timedelta(hours=1),
            "execution_timeout": timedelta(hours=2),
            "on_failure_callback": on_failure,
        },
    ) as dag:
        tasks = [
            SparkSubmitOperator(
                task_id=job,
                conn_id=SPARK_CONN_ID,
                application=JOBS_JAR,
                java_class=JOBS_MAIN_CLASS,
                packages=SPARK_PACKAGES,
                name=f"curlake-{job}-{tenant_id}",
                application_args=job_arguments(job, tenant_id),
                conf={"spark.sql.session.timeZone": "UTC"},
                doc_md=f"`lakehouse {job}` for tenant `{tenant_id}`.",
            )
            for job in JOB_NAMES
        ]
        chain(*tasks)
    return dag


# Airflow finds DAGs among the module's globals: one per active tenant, named by its dag_id.
globals().update({dag.dag_id: dag for dag in (tenant_dag(tenant, notifications(CONFIG_DIR))
                                              for tenant in active_tenants(CONFIG_DIR))})
