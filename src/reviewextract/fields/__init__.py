"""One module per field; `pipeline.extract_facts` runs them in the order they are resolved."""

from . import directors, episodes, rating, runtime, season, title, work_type, year

__all__ = ["directors", "episodes", "rating", "runtime", "season", "title", "work_type", "year"]
