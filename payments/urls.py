from rest_framework.routers import SimpleRouter

from payments.views import PaymentViewSet

router = SimpleRouter()
# Each path is served with or without a trailing slash, never redirected. The
# constructor only takes True or False, so the pattern is set afterwards.
router.trailing_slash = "/?"
router.register("payments", PaymentViewSet, basename="payment")

urlpatterns = router.urls
