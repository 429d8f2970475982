from django.urls import path, re_path

from ansinh.web import audit_pages, dashboard_pages, data_entry, program_import, public_pages, report_pages, reporting, task_pages, token_pages, views

app_name = "web"
urlpatterns = [
    path("", views.home, name="home"),
    path("programs/import/", program_import.program_import, name="program-import"),
    path("public/<str:code>/", public_pages.public_program, name="public"),
    path("programs/<str:code>/", views.program_detail, name="program"),
    path("programs/<str:code>/overview/", dashboard_pages.overview, name="overview"),
    path("programs/<str:code>/targets/<str:target>/", dashboard_pages.target_page, name="target"),
    re_path(r"^programs/(?P<code>[^/]+)/targets/(?P<target>[^/]+)/chart\.(?P<extension>svg|png)$", dashboard_pages.target_chart, name="target-chart"),
    re_path(r"^programs/(?P<code>[^/]+)/targets/(?P<target>[^/]+)/data\.(?P<extension>csv|xlsx)$", dashboard_pages.target_data, name="target-data"),
    path("programs/<str:code>/report/", report_pages.report_form, name="report"),
    path("programs/<str:code>/status-chart.svg", report_pages.status_chart, name="status-chart"),
    path("programs/<str:code>/tasks/", task_pages.task_board, name="task-board"),
    path("programs/<str:code>/tasks/<str:number>/", task_pages.task_page, name="task"),
    path("task-reports/<int:report_id>/return/", task_pages.return_report, name="return-task-report"),
    path("evidence/<int:evidence_id>/", task_pages.evidence_file, name="evidence"),
    path("tasks/mine/", task_pages.my_tasks, name="my-tasks"),
    path("units/<str:code>/", views.unit_detail, name="unit"),
    path("account/tokens/", token_pages.tokens, name="tokens"),
    path("audit/", audit_pages.audit_log, name="audit"),
    path("account/tokens/<int:token_id>/revoke/", token_pages.revoke, name="revoke-token"),
    path("data/", data_entry.my_reports, name="my-reports"),
    path("data/upload/", data_entry.upload, name="upload"),
    path("data/<str:data_set_code>/<str:unit_code>/<str:period>/template.xlsx", data_entry.template_download, name="template"),
    path("data/<str:data_set_code>/<str:unit_code>/<str:period>/", data_entry.entry_form, name="entry"),
    path("reporting/", reporting.reporting_index, name="reporting-index"),
    path("reporting/<str:data_set_code>/<str:period>/<str:unit_code>/", reporting.reporting_status, name="reporting"),
    path("reporting/<str:data_set_code>/<str:period>/<str:unit_code>/decide/", reporting.decide, name="decide"),
]
