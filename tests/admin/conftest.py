import pytest
from django.contrib.auth.models import Group
from django.test import Client


@pytest.fixture
def two_curators(django_user_model):
    clients = []
    for name in ("anna", "ben"):
        user = django_user_model.objects.create_user(name, password="pw", is_staff=True)
        user.groups.add(Group.objects.get(name="Curator"))
        client = Client()
        client.force_login(user)
        clients.append(client)
    return clients
