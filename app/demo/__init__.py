"""`mentoring demo`: a demo organisation to look around in (see `organisation` and `pairs`)."""

from app.demo.organisation import DemoReport, directory, load_demo, next_steps

__all__ = ["DemoReport", "directory", "load_demo", "next_steps"]
