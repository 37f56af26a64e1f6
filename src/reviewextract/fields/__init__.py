"""One module per field. `FACT_MODULES` lists the fact fields in the order they are resolved."""

from . import directors, episodes, rating, runtime, season, title, work_type, year

FACT_MODULES = (title, work_type, season, year, episodes, runtime, directors, rating)

__all__ = ["FACT_MODULES", "directors", "episodes", "rating", "runtime", "season", "title",
           "work_type", "year"]
