from django.urls import path

from ansinh.web import views

app_name = "web"
urlpatterns = [
    path("", views.home, name="home"),
    path("programs/<str:code>/", views.program_detail, name="program"),
    path("units/<str:code>/", views.unit_detail, name="unit"),
]
