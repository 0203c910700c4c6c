from django.urls import path

from forums.views import (
    engagement,
    moderation,
    people,
    polls,
    reading,
    reports,
    subscriptions,
    writing,
)

app_name = "forums"

TOPIC = "<str:forum_slug>/<id:topic_id>-<str:topic_slug>/"
POST = TOPIC + "posts/<id:post_id>/"

urlpatterns = [
    path("", reading.forum_list, name="forum_list"),
    path("preferences/", subscriptions.preferences, name="preferences"),
    path("unsubscribe/<str:token>/", subscriptions.unsubscribe, name="unsubscribe"),
    path("people/<str:username>/", people.person_posts, name="person"),
    path("<str:forum_slug>/", reading.forum_detail, name="forum"),
    path("<str:forum_slug>/new/", writing.new_topic, name="new_topic"),
    path("<str:forum_slug>/reports/", reports.forum_reports, name="forum_reports"),
    path(
        "<str:forum_slug>/reports/<id:report_id>/dismiss/",
        reports.dismiss_report,
        name="dismiss_report",
    ),
    path("<str:forum_slug>/subscribe/", subscriptions.subscribe_forum, name="subscribe_forum"),
    path(TOPIC, reading.topic_detail, name="topic"),
    path(TOPIC + "unread/", reading.first_unread, name="first_unread"),
    path(TOPIC + "reply/", writing.reply, name="reply"),
    path(TOPIC + "subscribe/", subscriptions.subscribe_topic, name="subscribe_topic"),
    path(TOPIC + "poll/add/", polls.add, name="poll_add"),
    path(TOPIC + "poll/vote/", polls.vote, name="poll_vote"),
    path(TOPIC + "poll/close/", polls.close, name="poll_close"),
    path(TOPIC + "question/", engagement.mark_question, name="mark_question"),
    path(TOPIC + "move/", moderation.move_topic, name="move_topic"),
    path(TOPIC + "<slug:action>/", moderation.moderate_topic, name="moderate_topic"),
    path(POST, reading.post_permalink, name="post"),
    path(POST + "edit/", writing.edit_post, name="edit_post"),
    path(POST + "delete/", writing.delete_post, name="delete_post"),
    path(POST + "report/", writing.report_post, name="report_post"),
    path(POST + "react/", engagement.react, name="react"),
    path(POST + "accept/", engagement.accept_answer, name="accept_answer"),
    path(POST + "<slug:action>/", moderation.moderate_post, name="moderate_post"),
]
