"""naming — the team's naming and tagging rules, shared by several scripts."""
import re

ENVIRONMENTS = ["dev", "staging", "prod"]


def name(team, environment, purpose):
    if environment not in ENVIRONMENTS:
        raise ValueError(f"environment '{environment}' is not one of {', '.join(ENVIRONMENTS)}")
    for part in (team, purpose):
        if not re.match(r"^[a-z][a-z0-9]{1,15}$", part):
            raise ValueError(f"'{part}' must be 2 to 16 lower-case letters or digits")
    return f"{team}-{environment}-{purpose}"


def tags(team, environment):
    return [{"Key": "team", "Value": team}, {"Key": "env", "Value": environment}]


def parse(text):
    m = re.match(r"^([a-z][a-z0-9]*)-(dev|staging|prod)-([a-z][a-z0-9]*)$", text)
    return list(m.groups()) if m else None
