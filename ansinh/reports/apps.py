from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "ansinh.reports"
    verbose_name = "Báo cáo sơ kết, tổng kết"
