"""``jobcompare list``: the roles a command sees (``list --search`` is ``jobcompare
search``)."""

from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from jobcompare.model import Listed


class RoleList(NamedTuple):
    """The roles, in dataset order (official ones by SOC code first)."""

    roles: "tuple[Listed, ...]"
