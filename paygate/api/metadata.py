from rest_framework.metadata import SimpleMetadata

from paygate.api.envelope import envelope


class EnvelopeMetadata(SimpleMetadata):
    """DRF's OPTIONS description of a view, inside the envelope like every other response."""

    def determine_metadata(self, request, view):
        return envelope(200, data=super().determine_metadata(request, view))
