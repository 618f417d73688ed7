"""A minimal stand-in for the Airflow API, just enough to load DAG files and record their structure.

Not Airflow: the integrity test (orchestration/tests) loads the DAG files with this package first
on sys.path, because Airflow itself cannot be installed where the tests run. Constructors accept
only keyword arguments that the real Airflow 2.x API accepts, so a misspelt argument fails here too.
"""
from airflow.models.dag import DAG

__all__ = ["DAG"]
