"""Office profile pages built from the small test office."""

from generator.families.office import pages as office


def pages_by_url(site):
    return {p.url: p for p in office.build(site)}


def test_profile_pages_exist_in_nav_with_topics(site):
    pages = pages_by_url(site)
    assert set(pages) == {"/office/", "/office/structure/", "/office/executives/", "/office/duties/",
                          "/office/contact/", "/office/laws/"}
    assert all(p.in_nav for p in pages.values())
    assert pages["/office/executives/"].topics == ["org.executives"]
    assert pages["/office/contact/"].topics == ["org.contact", "interaction.social"]
    assert pages["/office/executives/"].source == "data/executives.yml"


def test_executives_show_contact_and_vacant_post(site):
    md = pages_by_url(site)["/office/executives/"].markdown
    assert "**นายทดสอบ ระบบดี**" in md
    assert "[0 4499 9000 ต่อ 101](tel:044999000)" in md
    assert "**ตำแหน่งว่าง**" in md


def test_structure_puts_units_under_their_deputy(site):
    md = pages_by_url(site)["/office/structure/"].markdown
    deputy = md.index("รองผู้อำนวยการสำนักงานทดสอบ")
    assert md.index("กลุ่มกฎหมายและคดี", deputy) < md.index("หน่วยงานที่ขึ้นตรงต่อผู้อำนวยการ")


def test_duties_and_contact(site):
    pages = pages_by_url(site)
    assert "1. จัดทำนโยบายและแผนการทดสอบ" in pages["/office/duties/"].markdown
    contact = pages["/office/contact/"].markdown
    assert "99 ถนนทดสอบ<br>อำเภอเมือง จังหวัดตัวอย่าง 99999" in contact
    assert "(mailto:saraban@test.example.go.th)" in contact
