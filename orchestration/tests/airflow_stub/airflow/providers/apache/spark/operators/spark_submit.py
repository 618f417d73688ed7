"""Stand-in for apache-airflow-providers-apache-spark's SparkSubmitOperator (records its arguments)."""
from __future__ import annotations

from typing import Any

from airflow.models.baseoperator import BaseOperator


class SparkSubmitOperator(BaseOperator):
    template_fields = ("application", "conf", "files", "py_files", "jars", "driver_class_path", "packages",
                       "exclude_packages", "keytab", "principal", "proxy_user", "name", "application_args",
                       "env_vars", "properties_file")

    def __init__(self, *, application: str = "", conf: dict[str, Any] | None = None,
                 conn_id: str = "spark_default", files: str | None = None, py_files: str | None = None,
                 archives: str | None = None, driver_class_path: str | None = None, jars: str | None = None,
                 java_class: str | None = None, packages: str | None = None, exclude_packages: str | None = None,
                 repositories: str | None = None, total_executor_cores: int | None = None,
                 executor_cores: int | None = None, executor_memory: str | None = None,
                 driver_memory: str | None = None, keytab: str | None = None, principal: str | None = None,
                 proxy_user: str | None = None, name: str = "arrow-spark", num_executors: int | None = None,
                 status_poll_interval: int = 1, application_args: list[Any] | None = None,
                 env_vars: dict[str, Any] | None = None, verbose: bool = False, spark_binary: str | None = None,
                 properties_file: str | None = None, yarn_queue: str | None = None, deploy_mode: str | None = None,
                 use_krb5ccache: bool = False, **kwargs: Any):
        super().__init__(**kwargs)
        self.application = application
        self.conf = conf
        self.conn_id = conn_id
        self.java_class = java_class
        self.name = name
        self.application_args = list(application_args or [])
        self.env_vars = env_vars
        self.deploy_mode = deploy_mode
        self.driver_memory = driver_memory
        self.executor_memory = executor_memory
