"""Stand-in for airflow.models.baseoperator: BaseOperator (>>, <<, default_args) and chain()."""
from __future__ import annotations

from datetime import timedelta

from airflow.models.dag import DAG

# The BaseOperator arguments (a subset of Airflow 2's) with their defaults. An explicit argument
# wins over the DAG's default_args, which win over these; default_args keys Airflow would not
# apply to a BaseOperator are ignored, as Airflow does.
BASE_ARGUMENTS = {
    "owner": "airflow", "email": None, "email_on_failure": True, "email_on_retry": True, "retries": 0,
    "retry_delay": timedelta(seconds=300), "retry_exponential_backoff": False, "max_retry_delay": None,
    "execution_timeout": None, "on_failure_callback": None, "on_retry_callback": None,
    "on_success_callback": None, "depends_on_past": False, "wait_for_downstream": False, "pool": None,
    "queue": "default", "priority_weight": 1, "sla": None, "trigger_rule": "all_success", "doc_md": None,
}


class BaseOperator:
    template_fields: tuple[str, ...] = ()

    def __init__(self, *, task_id: str, dag: DAG | None = None, **arguments):
        unknown = sorted(set(arguments) - set(BASE_ARGUMENTS))
        if unknown:
            raise TypeError(f"{type(self).__name__}.__init__() got unexpected keyword arguments {unknown}"
                            f" (task '{task_id}')")
        self.dag = dag or DAG.current()
        if self.dag is None:
            raise RuntimeError(f"task '{task_id}' created outside a DAG")
        defaults = {k: v for k, v in self.dag.default_args.items() if k in BASE_ARGUMENTS}
        for name, default in BASE_ARGUMENTS.items():
            setattr(self, name, arguments.get(name, defaults.get(name, default)))
        self.task_id = task_id
        self.dag.add_task(self)

    def set_downstream(self, other) -> None:
        for task in other if isinstance(other, (list, tuple)) else [other]:
            self.dag.add_edge(self.task_id, task.task_id)

    def set_upstream(self, other) -> None:
        for task in other if isinstance(other, (list, tuple)) else [other]:
            self.dag.add_edge(task.task_id, self.task_id)

    def __rshift__(self, other):
        self.set_downstream(other)
        return other

    def __lshift__(self, other):
        self.set_upstream(other)
        return other

    def __rrshift__(self, other):
        self.set_upstream(other)
        return self

    def __rlshift__(self, other):
        self.set_downstream(other)
        return self


def chain(*tasks) -> None:
    """Each task (or list of tasks) upstream of the next, as airflow.models.baseoperator.chain."""
    for upstream, downstream in zip(tasks, tasks[1:]):
        for task in upstream if isinstance(upstream, (list, tuple)) else [upstream]:
            task.set_downstream(downstream)
