"""Structural checks of the CUR lakehouse DAG files against the jobs' command line.

load_dags() imports a DAG file against the Airflow stand-in (airflow_stub/); problems() returns
every broken expectation as a readable line (empty when the DAGs are sound). The CLI spec is the
JSON that AirflowDagIntegrityTest (jobs module) dumps from picocli's model of LakehouseCli:
{"version", "main_class", "active_tenants": [...], "commands": {name: {"options": {name:
{"takes_value", "required"}}}}}.
"""
from __future__ import annotations

import importlib.util
import itertools
import re
import sys
from datetime import datetime, timezone
from pathlib import Path

import croniter
import jinja2

STUB_DIR = Path(__file__).resolve().parent / "airflow_stub"
PIPELINE = ["ingest", "curate", "check", "analytics", "register"]
SCHEDULE_PRESETS = {"@hourly", "@daily", "@weekly", "@monthly", "@quarterly", "@yearly"}
# Two data intervals in the same month, and the month-boundary run that finalises the closing month.
SAMPLE_INTERVALS = [
    (datetime(2025, 3, 9, 6, tzinfo=timezone.utc), datetime(2025, 3, 10, 6, tzinfo=timezone.utc)),
    (datetime(2025, 3, 30, 6, tzinfo=timezone.utc), datetime(2025, 3, 31, 6, tzinfo=timezone.utc)),
    (datetime(2025, 2, 28, 6, tzinfo=timezone.utc), datetime(2025, 3, 1, 6, tzinfo=timezone.utc)),
]
_loaded = itertools.count()


def load_dags(dag_file: Path) -> dict:
    """The DAGs a file defines, by dag_id (as Airflow's DagBag collects them from the module globals)."""
    if str(STUB_DIR) not in sys.path:
        sys.path.insert(0, str(STUB_DIR))
    from airflow import DAG

    spec = importlib.util.spec_from_file_location(f"dag_file_{next(_loaded)}", dag_file)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    dags = {}
    for name, value in vars(module).items():
        if isinstance(value, DAG):
            if name != value.dag_id or value.dag_id in dags:
                raise ValueError(f"{dag_file}: DAG {value.dag_id} is bound to global '{name}'"
                                 " (one global per DAG, named by its dag_id)")
            dags[value.dag_id] = value
    return dags


def problems(dags: dict, cli: dict, config_dir: Path) -> list[str]:
    """Every broken expectation of the tenant DAGs, as readable lines."""
    expected = [f"curlake_{tenant}" for tenant in sorted(cli["active_tenants"])]
    found = []
    if list(dags) != expected:
        found.append(f"DAG ids {list(dags)} != one per active tenant, sorted: {expected}")
    for dag_id, dag in dags.items():
        tenant = dag_id.removeprefix("curlake_")
        found += [f"{dag_id}: {p}" for p in dag_problems(dag, tenant)]
        for task in dag.task_dict.values():
            found += [f"{dag_id}.{task.task_id}: {p}" for p in task_problems(task, tenant, cli, config_dir)]
    return found


def dag_problems(dag, tenant: str) -> list[str]:
    found = []
    if dag.task_ids != PIPELINE:
        found.append(f"tasks {dag.task_ids} != {PIPELINE}")
    cycle = find_cycle(dag.task_ids, dag.edges)
    if cycle:
        found.append(f"dependency cycle {' -> '.join(cycle)}")
    expected_edges = list(zip(PIPELINE, PIPELINE[1:]))
    if sorted(dag.edges) != sorted(expected_edges):
        found.append(f"dependencies {dag.edges} != {expected_edges}")
    if not (dag.schedule in SCHEDULE_PRESETS or isinstance(dag.schedule, str) and croniter.croniter.is_valid(dag.schedule)):
        found.append(f"schedule {dag.schedule!r} is neither a cron expression nor a preset")
    if dag.start_date is None or dag.start_date.tzinfo is None:
        found.append(f"start_date {dag.start_date!r} must be timezone-aware")
    if dag.max_active_runs != 1:
        found.append(f"max_active_runs {dag.max_active_runs} != 1 (runs of one tenant would race on its partitions)")
    if dag.catchup is not False:
        found.append(f"catchup {dag.catchup!r}: each run re-processes its month to date, so catch-up must be off")
    if not dag.doc_md or tenant not in dag.doc_md:
        found.append("doc_md missing or does not name the tenant")
    if "curlake" not in dag.tags or f"tenant:{tenant}" not in dag.tags:
        found.append(f"tags {dag.tags} lack 'curlake' and 'tenant:{tenant}'")
    return found


def find_cycle(nodes: list[str], edges: list[tuple[str, str]]) -> list[str] | None:
    """A dependency cycle as a path of task ids, or None (depth-first search)."""
    downstream = {node: [] for node in nodes}
    for upstream, target in edges:
        downstream.setdefault(upstream, []).append(target)
        downstream.setdefault(target, [])
    state: dict[str, str] = {}
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = "open"
        path.append(node)
        for target in downstream[node]:
            if state.get(target) == "open":
                return path[path.index(target):] + [target]
            if target not in state:
                cycle = visit(target)
                if cycle:
                    return cycle
        state[node] = "done"
        path.pop()
        return None

    for node in downstream:
        if node not in state:
            cycle = visit(node)
            if cycle:
                return cycle
    return None


def task_problems(task, tenant: str, cli: dict, config_dir: Path) -> list[str]:
    found = []
    if type(task).__name__ != "SparkSubmitOperator":
        return [f"{type(task).__name__} is not a SparkSubmitOperator"]
    if (task.retries or 0) < 1 or task.retry_delay is None or task.retry_delay.total_seconds() <= 0:
        found.append(f"retries {task.retries} with delay {task.retry_delay}: want at least one delayed retry")
    if not callable(task.on_failure_callback):
        found.append("no on_failure_callback (failures would alert nobody)")
    if task.java_class != cli["main_class"]:
        found.append(f"java_class {task.java_class!r} != {cli['main_class']!r}")
    jar = f"curlake-jobs-{cli['version']}-spark.jar"
    if Path(task.application).name != jar:
        found.append(f"application {task.application!r} is not the shaded jobs jar {jar}")
    rendered = [render_args(task.application_args, start, end) for start, end in SAMPLE_INTERVALS]
    if isinstance(rendered[0], str):
        return found + [rendered[0]]
    found += cli_problems(rendered[0], task.task_id, tenant, cli, config_dir)
    periods = [option_values(args).get("--period") for args in rendered]
    expected_periods = [start.strftime("%Y-%m") for start, _ in SAMPLE_INTERVALS]
    if "--period" in option_values(rendered[0]) and periods != expected_periods:
        found.append(f"--period renders to {periods} for intervals starting in {expected_periods}")
    return found


def render_args(args: list, start: datetime, end: datetime) -> list[str] | str:
    """The arguments as Airflow renders them for one data interval (nothing else in the context)."""
    environment = jinja2.Environment(undefined=jinja2.StrictUndefined)
    try:
        return [environment.from_string(str(arg)).render(data_interval_start=start, data_interval_end=end)
                for arg in args]
    except jinja2.TemplateError as error:
        return f"application_args must be keyed by the data interval only: {error}"


def option_values(args: list[str]) -> dict:
    return {option: value for option, value in zip(args, args[1:] + [None]) if option.startswith("--")}


def cli_problems(args: list[str], task_id: str, tenant: str, cli: dict, config_dir: Path) -> list[str]:
    """Arguments that LakehouseCli would refuse, or that point at another job, tenant or config."""
    if not args or args[0] not in cli["commands"]:
        return [f"command {args[:1]} is not a LakehouseCli subcommand ({sorted(cli['commands'])})"]
    command, options = args[0], cli["commands"][args[0]]["options"]
    found = [] if command == task_id else [f"runs '{command}', not the job it is named for"]
    position, passed = 1, set()
    while position < len(args):
        option = args[position]
        if option not in options:
            found.append(f"'{command}' has no option {option!r} (it has {sorted(options)})")
            position += 1
            continue
        passed.add(option)
        if options[option]["takes_value"]:
            if position + 1 >= len(args) or args[position + 1].startswith("--"):
                found.append(f"option {option} needs a value")
            position += 2
        else:
            position += 1
    missing = sorted(name for name, option in options.items() if option["required"] and name not in passed)
    if missing:
        found.append(f"required options {missing} not passed")
    values = option_values(args)
    if values.get("--tenant") != tenant:
        found.append(f"--tenant {values.get('--tenant')!r} != {tenant!r}")
    if "--config" in options and values.get("--config") != str(config_dir):
        found.append(f"--config {values.get('--config')!r} != the config the DAGs were built from ({config_dir})")
    period = values.get("--period")
    if period is not None and not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", period):
        found.append(f"--period renders to {period!r}, not YYYY-MM")
    return found
