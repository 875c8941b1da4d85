"""The Article: text plus metadata, as it travels through the pipeline."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, asdict


@dataclass
class Article:
    id: str
    text: str
    title: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) or datetime
    outlet: str | None = None
    url: str | None = None
    author: str | None = None
    language: str = "en"
    via: list[dict] = field(default_factory=list)  # republication provenance [{name,url,evidence}]
    source_path: str | None = None
    warnings: list[dict] = field(default_factory=list)

    @property
    def text_sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def metadata(self) -> dict:
        """The ``article`` object of the contract."""
        return {
            "id": self.id,
            "title": self.title,
            "published": self.published,
            "outlet": self.outlet,
            "url": self.url,
            "author": self.author,
            "via": list(self.via),
            "language": self.language,
            "text_sha256": self.text_sha256,
        }

    def to_dict(self) -> dict:
        return asdict(self)
