from django.contrib import admin

from payments.models import EventType, Payment, PaymentEvent, ProviderAttempt


class ProviderAttemptInline(admin.TabularInline):
    model = ProviderAttempt
    extra = 0
    fields = ("provider", "result", "latency_ms", "attempted_at")
    readonly_fields = ("attempted_at",)

    # Attempts are append-only history: existing ones are shown, never edited or removed.
    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class PaymentEventInline(admin.TabularInline):
    model = PaymentEvent
    extra = 0
    fields = ("at", "type", "actor", "details")
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Payment)
class PaymentAdmin(admin.ModelAdmin):
    list_display = ("id", "merchant", "amount_minor", "currency", "region", "status", "created_by", "initiated_at")
    list_filter = ("status", "currency", "region", "payment_type")
    date_hierarchy = "initiated_at"
    search_fields = ("merchant", "customer_email")
    list_select_related = ("created_by",)
    readonly_fields = ("id", "status", "created_by", "initiated_at", "updated_at")
    inlines = [ProviderAttemptInline, PaymentEventInline]
    fieldsets = (
        (None, {"fields": ("id", "merchant", "payment_type", "amount_minor", "currency", "region", "status")}),
        ("Customer", {"fields": ("customer_name", "customer_email", "customer_country")}),
        ("Record", {"fields": ("created_by", "initiated_at", "updated_at")}),
    )

    # Payments are created through the API, which validates currencies, regions
    # and countries and writes the `created` event.
    def has_add_permission(self, request):
        return False

    # The admin wraps each save in one transaction, so these events commit with the change.
    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and form.changed_data:
            changes = {field: [form.initial.get(field), form.cleaned_data[field]] for field in form.changed_data}
            PaymentEvent.objects.create(payment=obj, type=EventType.UPDATED, actor=request.user.email, details={"changes": changes})

    def save_formset(self, request, form, formset, change):
        formset.save()
        if formset.model is ProviderAttempt and formset.new_objects:
            count = len(formset.new_objects)
            PaymentEvent.objects.create(
                payment=form.instance, type=EventType.ATTEMPTS_ADDED, actor=request.user.email, details={"count": count}
            )
