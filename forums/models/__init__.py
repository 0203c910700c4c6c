from .content import POSTS_PER_PAGE, Forum, Post, Topic
from .members import DeliveryPreference, DigestDelivery, ReadState, Subscription
from .reports import Report

__all__ = [
    "POSTS_PER_PAGE",
    "DeliveryPreference",
    "DigestDelivery",
    "Forum",
    "Post",
    "ReadState",
    "Report",
    "Subscription",
    "Topic",
]
