from airflow.models.variable import ImportTimeAccess


class BaseHook:
    @classmethod
    def get_connection(cls, conn_id):
        raise ImportTimeAccess(f"BaseHook.get_connection({conn_id!r}) at import time: connections are resolved"
                               " by the operator when the task runs")
