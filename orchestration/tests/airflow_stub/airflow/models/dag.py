"""Stand-in for airflow.models.dag.DAG: records its arguments, tasks and dependency edges."""
from __future__ import annotations


class DuplicateTaskIdFound(ValueError):
    pass


class DAG:
    _context: list["DAG"] = []

    def __init__(self, dag_id: str, description: str | None = None, schedule=None, start_date=None,
                 end_date=None, default_args: dict | None = None, catchup: bool | None = None,
                 max_active_runs: int = 16, max_active_tasks: int = 16, dagrun_timeout=None,
                 doc_md: str | None = None, tags: list[str] | None = None, params: dict | None = None,
                 on_failure_callback=None, on_success_callback=None, sla_miss_callback=None,
                 is_paused_upon_creation: bool | None = None, render_template_as_native_obj: bool = False,
                 template_searchpath=None, user_defined_macros: dict | None = None, owner_links=None):
        self.dag_id = dag_id
        self.description = description
        self.schedule = schedule
        self.start_date = start_date
        self.end_date = end_date
        self.default_args = dict(default_args or {})
        self.catchup = catchup
        self.max_active_runs = max_active_runs
        self.max_active_tasks = max_active_tasks
        self.dagrun_timeout = dagrun_timeout
        self.doc_md = doc_md
        self.tags = list(tags or [])
        self.params = dict(params or {})
        self.on_failure_callback = on_failure_callback
        self.sla_miss_callback = sla_miss_callback
        self.task_dict: dict = {}
        self.edges: list[tuple[str, str]] = []

    def __enter__(self) -> "DAG":
        DAG._context.append(self)
        return self

    def __exit__(self, *exc) -> None:
        DAG._context.pop()

    @classmethod
    def current(cls) -> "DAG | None":
        return cls._context[-1] if cls._context else None

    def add_task(self, task) -> None:
        if task.task_id in self.task_dict:
            raise DuplicateTaskIdFound(f"Task id '{task.task_id}' has already been added to the DAG {self.dag_id}")
        self.task_dict[task.task_id] = task

    def add_edge(self, upstream_id: str, downstream_id: str) -> None:
        if (upstream_id, downstream_id) not in self.edges:
            self.edges.append((upstream_id, downstream_id))

    @property
    def task_ids(self) -> list[str]:
        return list(self.task_dict)
