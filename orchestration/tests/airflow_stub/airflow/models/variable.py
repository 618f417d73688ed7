"""Airflow Variables live in the metadata database: a DAG file must not read them at import time."""


class ImportTimeAccess(RuntimeError):
    """Raised when a DAG file touches the metadata database while being parsed."""


class Variable:
    @staticmethod
    def get(key, default_var=None, deserialize_json=False):
        raise ImportTimeAccess(f"Variable.get({key!r}) at import time: the scheduler would query its database"
                               " on every parse; use a template ({{ var.value.x }}) or an environment variable")
