

def test_a_latin_word_or_a_number_beside_thai_takes_a_space_but_a_quoted_value_stays_as_written():
    from generator.base.problems import Problem
    problem = Problem("data/site.yml", 7, "declaration", "nogift_declaration",
                      "ยังไม่มีประกาศ No Gift Policyของปีงบประมาณ 2568 ใน data/nogift/2568.ymlให้เพิ่ม 'abcไทย'", "none")
    assert problem.render() == ("data/site.yml:7: declaration: ยังไม่มีประกาศ No Gift Policy ของปีงบประมาณ 2568 "
                                "ใน data/nogift/2568.yml ให้เพิ่ม 'abcไทย' / none")
