"""The diagnosis-exclusion lint (`rules/criteria/diagnosis.py`) catches the ways councils
really write blanket exclusions, and raises no false alarm on lawful sentences that mention a
diagnosis. Both lists are written for this test (issue 13 point 5): at least 20 of each."""

from __future__ import annotations

import pytest

from supportfirst.rules.criteria.diagnosis import exclusion_in

EXCLUSIONS = [
    "This service is not available to children with ADHD or autism.",
    "Excludes autism.",
    "Only for children with a physical disability.",
    "Children must have a diagnosis before they can be referred.",
    "A formal diagnosis is required.",
    "Children with a diagnosis of ASD are not eligible for this service.",
    "We do not accept referrals for children with ADHD.",
    "Referrals for autism alone will not be accepted.",
    "Children whose main need is autism should be referred to the autism team instead.",
    "Autistic children without a learning disability do not meet the threshold.",
    "Not suitable for young people with mental health difficulties.",
    "The team does not work with children with behavioural difficulties.",
    "Eligibility is restricted to children with a severe or profound learning disability.",
    "Exclusions: ADHD, ASD, dyslexia.",
    "Children with a diagnosis of ADHD only will be signposted elsewhere.",
    "Children with autism but no learning disability are outside our criteria.",
    "Without a confirmed diagnosis we are unable to offer support.",
    "Services are limited to those with a diagnosed condition.",
    "Children with emotional and behavioural difficulties are not included.",
    "The service will not assess children with a diagnosis of autism spectrum condition.",
    "Families of children with ADHD cannot access short breaks.",
    "Only children with a diagnosed disability may apply.",
    "No diagnosis, no service.",
    "Children who have Down's syndrome are not eligible for travel help.",
]

LAWFUL = [
    "You do not need a diagnosis.",
    "No diagnosis is needed.",
    "We never require a diagnosis.",
    "Whatever the diagnosis, we look at what is hard day to day.",
    "Short breaks for children with a physical disability, a learning disability or autism.",
    "Many of the children we help have autism, ADHD or cerebral palsy.",
    "A diagnosis can help us understand your child, but we look at needs, not labels.",
    "Children waiting for an autism assessment can get help now.",
    "If your child has epilepsy, tell us about their seizures so we can plan safely.",
    "We work with children with Down's syndrome, autism and many other conditions.",
    "Having a diagnosis of ADHD does not stop your child getting help.",
    "Your child does not need a diagnosis of autism to join our clubs.",
    "Children with and without a diagnosis are welcome.",
    "Autism is not a reason to refuse help; we look at what is hard each day.",
    "Staff are trained in supporting children with sensory processing differences.",
    "We look at the needs of children with a learning disability in the same way as anyone.",
    "The clubs are open to all disabled children, including children with ADHD.",
    "Tell us about any diagnosis, or about the needs you see if there is no diagnosis yet.",
    "A child with cerebral palsy may need equipment at home.",
    "Some parents say a diagnosis was the start of getting help; here you do not need one.",
    "Our short breaks include autism-friendly swimming sessions.",
    "We do not exclude anyone because of a diagnosis.",
]


def test_there_are_at_least_twenty_of_each():
    assert len(EXCLUSIONS) >= 20
    assert len(LAWFUL) >= 20


@pytest.mark.parametrize("sentence", EXCLUSIONS)
def test_rule_an_exclusion_by_diagnosis_is_caught(sentence):
    assert exclusion_in(sentence), sentence


@pytest.mark.parametrize("sentence", LAWFUL)
def test_rule_a_lawful_sentence_that_mentions_a_diagnosis_is_not_flagged(sentence):
    assert exclusion_in(sentence) == "", sentence
