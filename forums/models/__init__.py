from .content import POSTS_PER_PAGE, Forum, ForumTranslation, Post, Topic
from .engagement import Notification, Reaction
from .members import DeliveryPreference, DigestDelivery, Draft, ReadState, Subscription
from .polls import Poll, PollChoice, PollOption, PollVoter
from .reports import Report

__all__ = [
    "POSTS_PER_PAGE",
    "DeliveryPreference",
    "DigestDelivery",
    "Draft",
    "Forum",
    "ForumTranslation",
    "Notification",
    "Poll",
    "PollChoice",
    "PollOption",
    "PollVoter",
    "Post",
    "Reaction",
    "ReadState",
    "Report",
    "Subscription",
    "Topic",
]
