def test_workshop_page_links_its_evaluation_and_facilitators_to_attendance(
    client, workshop, evaluation, participant, facilitator
):
    client.force_login(participant)
    html = client.get(workshop.url).content.decode()
    assert f'href="{evaluation.url}"' in html
    assert "attendance/" not in html
    client.force_login(facilitator)
    html = client.get(workshop.url).content.decode()
    assert f'href="{workshop.url}attendance/"' in html
